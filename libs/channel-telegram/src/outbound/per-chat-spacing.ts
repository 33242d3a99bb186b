/**
 * Keeps at least `intervalMs` between two sends to one chat (Telegram: about 1 message per
 * second per chat; docs/architecture.md, Facts about the engines). Slots are reserved synchronously,
 * so concurrent sends to one chat queue up instead of bursting.
 *
 * TODO(PRODUCT C4, ARCHITECTURE channel-telegram "outbound throttling"): the per-bot limit
 * (about 30 messages per second) and the group limit (20 per minute) are not enforced yet, and
 * this spacing is per process: with several replicas it needs Redis (ARCHITECTURE, rate limits).
 */
export class PerChatSpacing {
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before sending to `chatId`; reserves the slot. */
  reserve(chatId: string): number {
    const now = this.now();
    this.forgetPast(now);
    const slot = Math.max(now, this.nextSlot.get(chatId) ?? now);
    this.nextSlot.set(chatId, slot + this.intervalMs);
    return slot - now;
  }

  /** Wait for this chat's next slot. */
  async wait(chatId: string): Promise<void> {
    const delay = this.reserve(chatId);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }

  private forgetPast(now: number): void {
    if (this.nextSlot.size < 1000) return;
    for (const [chat, slot] of this.nextSlot) if (slot <= now) this.nextSlot.delete(chat);
  }
}
