import type { EventEnvelope } from '@parley/contracts';

/**
 * What the channel stream says about one round of sending a manager message. A round is one
 * request to send: the first, `Conversation.ManagerMessageQueued` (retry 0), or a manager's
 * retry, `Conversation.ManagerMessageRequeued` with `retry: n` (n earlier failures acknowledged).
 */
export interface SendHistory {
  /** Delivered (in any round), or this round failed (failure n + 1 exists): nothing more to do. */
  readonly finished: boolean;
  /** Attempts recorded so far, in all rounds (each stored before its Bot API call). */
  readonly attempts: number;
  /**
   * An attempt of this round (after the n-th failure) with neither an answer nor an outcome: the
   * process stopped after the call went out, or while it was in flight. Telegram may have
   * delivered the message.
   */
  readonly unanswered: boolean;
}

/**
 * Fold the channel stream's events of one message into the send history of the round that
 * follows `retry` failures (pure). The channel's events are not changed for rounds: a round is
 * told apart by the failures (`Channel.MessageDeliveryFailed`) recorded before it, in stream order.
 */
export const sendHistoryOf = (
  events: readonly EventEnvelope[],
  messageId: string,
  retry = 0,
): SendHistory => {
  let delivered = false;
  let failures = 0;
  const attempted = new Set<number>();
  const ofThisRound = new Set<number>();
  const answered = new Set<number>();
  for (const event of events) {
    const data = event.data as { messageId?: unknown; attempt?: unknown };
    if (data.messageId !== messageId) continue;
    switch (event.type) {
      case 'Channel.MessageDelivered':
        delivered = true;
        break;
      case 'Channel.MessageDeliveryFailed':
        failures++;
        break;
      case 'Channel.MessageSendAttempted':
        attempted.add(Number(data.attempt));
        if (failures === retry) ofThisRound.add(Number(data.attempt));
        break;
      case 'Channel.MessageSendAttemptFailed':
        answered.add(Number(data.attempt));
        break;
    }
  }
  const finished = delivered || failures > retry;
  return {
    finished,
    attempts: attempted.size,
    unanswered: !finished && [...ofThisRound].some((attempt) => !answered.has(attempt)),
  };
};
