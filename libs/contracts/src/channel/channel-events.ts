import type { DomainEvent } from '../envelope/event-envelope';
import type { MessageContent } from './message-content';

/** The client as the channel describes them. */
export interface ChannelClient {
  /** Telegram user id (as a string: ids can exceed 2^53 in other channels). */
  readonly externalId: string;
  readonly username: string | null;
  readonly firstName: string;
  readonly lastName: string | null;
  readonly languageCode: string | null;
}

export interface TelegramSource {
  readonly channel: 'telegram';
  readonly botId: string;
  readonly chatId: string;
}

/**
 * The channel context: what arrived from or went to a messenger. Streams are
 * `channel-{conversationId}`; inbound event ids derive from bot id + update_id, so a
 * repeated webhook delivery stores nothing.
 */
export type ClientStarted = DomainEvent<
  'Channel.ClientStarted',
  TelegramSource & {
    readonly conversationId: string;
    readonly client: ChannelClient;
    /** The `/start <payload>` deep-link payload, or null for a bare `/start`. */
    readonly payload: string | null;
    readonly updateId: number;
    readonly sentAt: string;
  }
>;

export type ClientMessageArrived = DomainEvent<
  'Channel.MessageReceived',
  TelegramSource & {
    readonly conversationId: string;
    readonly client: ChannelClient;
    readonly updateId: number;
    /** The messenger's id of the message (Telegram message_id). */
    readonly externalMessageId: string;
    readonly content: MessageContent;
    /** When the client sent it, by the messenger's clock. */
    readonly sentAt: string;
  }
>;

export type OutgoingMessageDelivered = DomainEvent<
  'Channel.MessageDelivered',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly externalMessageId: string;
    readonly deliveredAt: string;
  }
>;

export type OutgoingMessageFailed = DomainEvent<
  'Channel.MessageDeliveryFailed',
  {
    readonly conversationId: string;
    readonly messageId: string;
    /** `blocked` (the client blocked the bot), `not_found`, `rate_limited`, `unavailable`, ... */
    readonly code: string;
    /** A reason a manager can read: "The client blocked the bot". */
    readonly reason: string;
    readonly retryable: boolean;
    readonly failedAt: string;
  }
>;

export type ChannelEvent =
  ClientStarted | ClientMessageArrived | OutgoingMessageDelivered | OutgoingMessageFailed;
export type ChannelEventType = ChannelEvent['type'];
