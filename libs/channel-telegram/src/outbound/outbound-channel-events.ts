import {
  deterministicId,
  type EventMetadata,
  type ManagerMessageQueued,
  type ManagerMessageRequeued,
  type MessageSendAttempted,
  type MessageSendAttemptFailed,
  type ChannelMessageDelivered,
  type ChannelMessageDeliveryFailed,
} from '@parley/contracts';

/** The actor of delivery results: the channel itself. */
export const CHANNEL_TELEGRAM_ACTOR = { kind: 'system', id: 'channel-telegram' } as const;

/**
 * A request to send a manager message: its first (queued), or a manager's retry (requeued).
 * Each is one round, with its own result (ids derive from the request's event id).
 */
export type SendRequest = ManagerMessageQueued | ManagerMessageRequeued;

/** One request, one delivery result: a redelivered request appends nothing new. */
export const deliveryEventId = (queuedEventId: string): string =>
  deterministicId('telegram-delivery', queuedEventId);

const metadataOf = (
  queued: SendRequest,
  now: Date,
  eventId = deliveryEventId(queued.metadata.eventId),
): EventMetadata => ({
  eventId,
  workspaceId: queued.metadata.workspaceId,
  aggregateId: queued.data.conversationId,
  occurredAt: now.toISOString(),
  schemaVersion: 1,
  correlationId: queued.metadata.correlationId,
  causationId: queued.metadata.eventId,
  actor: CHANNEL_TELEGRAM_ACTOR,
});

export const messageDeliveredEvent = (
  queued: SendRequest,
  externalMessageId: string,
  now: Date,
): ChannelMessageDelivered => ({
  type: 'Channel.MessageDelivered',
  data: {
    conversationId: queued.data.conversationId,
    messageId: queued.data.messageId,
    externalMessageId,
    deliveredAt: now.toISOString(),
  },
  metadata: metadataOf(queued, now),
});

export const messageDeliveryFailedEvent = (
  queued: SendRequest,
  failure: { readonly code: string; readonly reason: string; readonly retryable: boolean },
  now: Date,
): ChannelMessageDeliveryFailed => ({
  type: 'Channel.MessageDeliveryFailed',
  data: {
    conversationId: queued.data.conversationId,
    messageId: queued.data.messageId,
    code: failure.code,
    reason: failure.reason,
    retryable: failure.retryable,
    failedAt: now.toISOString(),
  },
  metadata: metadataOf(queued, now),
});

/** Stored before attempt `attempt` calls the Bot API; one id per attempt, so a retry adds none. */
export const sendAttemptedEvent = (
  queued: SendRequest,
  attempt: number,
  now: Date,
): MessageSendAttempted => ({
  type: 'Channel.MessageSendAttempted',
  data: {
    conversationId: queued.data.conversationId,
    messageId: queued.data.messageId,
    attempt,
    attemptedAt: now.toISOString(),
  },
  metadata: metadataOf(
    queued,
    now,
    deterministicId('telegram-send-attempt', queued.metadata.eventId, attempt),
  ),
});

/** Telegram answered attempt `attempt` with an error: it delivered nothing. */
export const sendAttemptFailedEvent = (
  queued: SendRequest,
  attempt: number,
  reason: string,
  now: Date,
): MessageSendAttemptFailed => ({
  type: 'Channel.MessageSendAttemptFailed',
  data: {
    conversationId: queued.data.conversationId,
    messageId: queued.data.messageId,
    attempt,
    reason,
    failedAt: now.toISOString(),
  },
  metadata: metadataOf(
    queued,
    now,
    deterministicId('telegram-send-attempt-failed', queued.metadata.eventId, attempt),
  ),
});
