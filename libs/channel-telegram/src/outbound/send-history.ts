import type { EventEnvelope } from '@parley/contracts';

/** What the channel stream says about sending one manager message. */
export interface SendHistory {
  /** Delivered, or failed for good: nothing more to do. */
  readonly finished: boolean;
  /** Attempts recorded so far (each stored before its Bot API call). */
  readonly attempts: number;
  /**
   * An attempt with neither an answer nor an outcome: the process stopped after the call went
   * out, or while it was in flight. Telegram may have delivered the message.
   */
  readonly unanswered: boolean;
}

const OUTCOMES = new Set(['Channel.MessageDelivered', 'Channel.MessageDeliveryFailed']);

/** Fold the channel stream's events of one message into its send history (pure). */
export const sendHistoryOf = (events: readonly EventEnvelope[], messageId: string): SendHistory => {
  let finished = false;
  const attempted = new Set<number>();
  const answered = new Set<number>();
  for (const event of events) {
    const data = event.data as { messageId?: unknown; attempt?: unknown };
    if (data.messageId !== messageId) continue;
    if (OUTCOMES.has(event.type)) finished = true;
    if (event.type === 'Channel.MessageSendAttempted') attempted.add(Number(data.attempt));
    if (event.type === 'Channel.MessageSendAttemptFailed') answered.add(Number(data.attempt));
  }
  return {
    finished,
    attempts: attempted.size,
    unanswered: !finished && [...attempted].some((attempt) => !answered.has(attempt)),
  };
};
