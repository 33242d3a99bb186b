/**
 * The bot's send budget is counted in slots of 200 ms, aligned to the clock, so every replica
 * counts into the same slot. A sliding second overlaps at most six of them (five whole, or parts
 * of six), so granting a sixth of the per-second limit per slot keeps every sliding second at or
 * under the limit: 30 per second gives 5 per slot, about 25 sends a second when busy. (A plain
 * one-second window would let 30 go at the end of one window and 30 more at the start of the
 * next.)
 */
export const BOT_SLOT_MS = 200;
const SLOTS_PER_SLIDING_SECOND = 1000 / BOT_SLOT_MS + 1;

/** Sends granted per slot for `perSecond` sends in any sliding second (at least 1). */
export const sendsPerBotSlot = (perSecond: number): number =>
  Math.max(1, Math.floor(perSecond / SLOTS_PER_SLIDING_SECOND));

export interface BotSendSlot {
  /** The slot's number since the epoch: its key in the limiter. */
  readonly index: number;
  /** Milliseconds until the next slot begins (at least 1). */
  readonly endsInMs: number;
}

/** The slot `nowMs` falls in. */
export const botSendSlotAt = (nowMs: number): BotSendSlot => {
  const index = Math.floor(nowMs / BOT_SLOT_MS);
  return { index, endsInMs: Math.max(1, (index + 1) * BOT_SLOT_MS - nowMs) };
};
