import type { DomainEvent } from '../envelope/event-envelope';
import type { FieldIssue } from '../validation/contract-violation';
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

/**
 * A client message. Schema v2: `content` may be `unsupported` (a photo, a voice note, ...:
 * a kind Parley cannot show yet, with its caption); v1 events all carry text content, which v2
 * reads as it is (see `channelEventDefinitions`).
 */
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
    /**
     * `blocked` (the client blocked the bot), `not_found`, `rate_limited`, `unavailable`,
     * `unconfirmed` (Telegram may have delivered it: not sent again, a manager decides), ...
     */
    readonly code: string;
    /** A reason a manager can read: "The client blocked the bot". */
    readonly reason: string;
    readonly retryable: boolean;
    readonly failedAt: string;
  }
>;

/**
 * The channel is about to call the Bot API to send a manager's message (attempt n of the bus's
 * deliveries). Stored before the call, so a crash between the call and its outcome leaves a
 * trace: an attempt with no outcome means Telegram may have delivered the message, and the
 * channel must not send it again on its own (it records `unconfirmed` instead).
 */
export type MessageSendAttempted = DomainEvent<
  'Channel.MessageSendAttempted',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly attempt: number;
    readonly attemptedAt: string;
  }
>;

/** Telegram answered an attempt with an error: that attempt certainly delivered nothing. */
export type MessageSendAttemptFailed = DomainEvent<
  'Channel.MessageSendAttemptFailed',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly attempt: number;
    readonly reason: string;
    readonly failedAt: string;
  }
>;

/**
 * An update that came with the right webhook secret but that Parley cannot use: a body that
 * breaks the Update contract, an absurd `date`, a private message without a sender, ... It is
 * kept (not dropped) so an admin can see it and health can count it, and the webhook answers
 * 200 so Telegram stops redelivering it. Stream `channel-{telegramRejectedUpdatesId}`, one per
 * bot; the event id derives from bot id + update_id, so a redelivery stores nothing new.
 */
export type UpdateRejected = DomainEvent<
  'Channel.UpdateRejected',
  {
    readonly channel: 'telegram';
    readonly botId: string;
    readonly updateId: number;
    /** One line an admin can read: "message.date must be a Unix time between ...". */
    readonly reason: string;
    /** Each bad field, when the update broke its contract; empty otherwise. */
    readonly issues: readonly FieldIssue[];
    /** The update as it arrived, as JSON text, cut to `REJECTED_UPDATE_RAW_LIMIT` characters. */
    readonly rawUpdate: string;
    readonly rawTruncated: boolean;
    readonly receivedAt: string;
  }
>;

/** How much of a rejected update's JSON text is kept (characters). */
export const REJECTED_UPDATE_RAW_LIMIT = 8192;

/** The aggregate of a bot's rejected updates: `ws1:tg:123456:rejected_updates`. */
export const telegramRejectedUpdatesId = (workspaceId: string, botId: string): string =>
  `${workspaceId}:tg:${botId}:rejected_updates`;

export type ChannelEvent =
  | ClientStarted
  | ClientMessageArrived
  | OutgoingMessageDelivered
  | OutgoingMessageFailed
  | MessageSendAttempted
  | MessageSendAttemptFailed
  | UpdateRejected;
export type ChannelEventType = ChannelEvent['type'];
