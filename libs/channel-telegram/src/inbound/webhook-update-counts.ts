/**
 * What the webhook did with updates it could not use, for the channel's health line:
 * - rejected updates: counted from their stream in the event store (so the count survives a
 *   restart and agrees across replicas), read on from the last known revision at each check;
 * - ignored update kinds and unusable bodies: kept by this process since it started (they are
 *   not stored: there is nothing to keep of a channel post, and an unusable body has no id).
 */
export class WebhookUpdateCounts {
  private rejected = 0;
  private unusable = 0;
  private readonly ignored = new Map<string, number>();

  /** The rejected updates the store holds, as read by the last health check. */
  get rejectedStored(): number {
    return this.rejected;
  }

  get unusableBodies(): number {
    return this.unusable;
  }

  /** Ignored updates by kind (`channel_post`, `message.group`, ...), since this process started. */
  get ignoredByKind(): Readonly<Record<string, number>> {
    return Object.fromEntries([...this.ignored].sort(([a], [b]) => a.localeCompare(b)));
  }

  countIgnored(updateKind: string): void {
    this.ignored.set(updateKind, (this.ignored.get(updateKind) ?? 0) + 1);
  }

  countUnusable(): void {
    this.unusable++;
  }

  /** Add the rejected updates read from the store since the last count. */
  addRejectedStored(more: number): void {
    this.rejected += more;
  }

  /** "2 rejected updates stored, 3 ignored (channel_post 2, message.group 1), 1 unusable body". */
  summary(): string {
    const ignored = Object.entries(this.ignoredByKind);
    const ignoredTotal = ignored.reduce((sum, [, n]) => sum + n, 0);
    const ignoredDetail =
      ignored.length === 0 ? '' : ` (${ignored.map(([kind, n]) => `${kind} ${n}`).join(', ')})`;
    return (
      `${this.rejected} rejected ${this.rejected === 1 ? 'update' : 'updates'} stored, ` +
      `${ignoredTotal} ignored${ignoredDetail}, ` +
      `${this.unusable} unusable ${this.unusable === 1 ? 'body' : 'bodies'} since start`
    );
  }
}
