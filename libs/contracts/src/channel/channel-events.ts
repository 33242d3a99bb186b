import type { DomainEvent } from '../envelope/event-envelope';
import type { FieldIssue } from '../validation/contract-violation';
import type { MediaKind } from '../media/media-api';
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
 * A client message. Schema v3: `content` is any kind of `MessageContent` (photo, voice, sticker,
 * location, ..., text with its entities); v2 added `unsupported` content; v1 events all carry
 * text content. Older versions read as they are (see `channelEventDefinitions`).
 */
export type ChannelMessageReceived = DomainEvent<
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

/**
 * A client edited one of their messages (C5): its content as it is now. Its event id derives
 * from bot id + update_id like any update's, so a redelivered edit stores nothing.
 */
export type MessageEdited = DomainEvent<
  'Channel.MessageEdited',
  TelegramSource & {
    readonly conversationId: string;
    readonly client: ChannelClient;
    readonly updateId: number;
    /** The messenger's id of the edited message (Telegram message_id). */
    readonly externalMessageId: string;
    readonly content: MessageContent;
    /** When the client first sent the message, by the messenger's clock. */
    readonly sentAt: string;
    /** When the client edited it, by the messenger's clock. */
    readonly editedAt: string;
  }
>;

/**
 * The client blocked the bot (`my_chat_member`, new status `kicked`): nothing reaches them until
 * they unblock it (`Channel.BotUnblocked`, new status `member`).
 */
export type BotBlocked = DomainEvent<
  'Channel.BotBlocked',
  TelegramSource & {
    readonly conversationId: string;
    readonly client: ChannelClient;
    readonly updateId: number;
    readonly blockedAt: string;
  }
>;

/** The client unblocked the bot (or restarted it): messages reach them again. */
export type BotUnblocked = DomainEvent<
  'Channel.BotUnblocked',
  TelegramSource & {
    readonly conversationId: string;
    readonly client: ChannelClient;
    readonly updateId: number;
    readonly unblockedAt: string;
  }
>;

export type ChannelMessageDelivered = DomainEvent<
  'Channel.MessageDelivered',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly externalMessageId: string;
    readonly deliveredAt: string;
  }
>;

export type ChannelMessageDeliveryFailed = DomainEvent<
  'Channel.MessageDeliveryFailed',
  {
    readonly conversationId: string;
    readonly messageId: string;
    /**
     * `blocked` (the client blocked the bot), `not_found` (chat not found), `too_long` (over
     * Telegram's 4,096 characters, refused before sending), `file_too_big`, `rate_limited`,
     * `unavailable`, `unconfirmed` (Telegram may have delivered it: not sent again, a manager
     * decides), `rejected` (anything else Telegram refused), ...
     */
    readonly code: string;
    /** A reason a manager can read: "The client blocked the bot". */
    readonly reason: string;
    readonly retryable: boolean;
    readonly failedAt: string;
  }
>;

/**
 * The channel is about to call the Bot API to send a manager message (attempt n of the bus's
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

/**
 * A client's file (a media message's `MediaFile`) was downloaded from the messenger (`getFile`)
 * into the media store, under `mediaId` (name-based on the workspace and the file's
 * `fileUniqueId`, so a redelivery stores nothing twice). `messageId` is the conversation's id of
 * the message (derived from the `Channel.MessageReceived` event id, as the conversation does).
 */
export type MediaFetched = DomainEvent<
  'Channel.MediaFetched',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly externalMessageId: string;
    readonly mediaId: string;
    readonly kind: MediaKind;
    /** Detected from the bytes by the store. */
    readonly contentType: string;
    readonly size: number;
    readonly fetchedAt: string;
  }
>;

/**
 * Why a client's file is not in the media store: `too_large` (over the Bot API's 20 MB download
 * limit, or the store's own: never downloaded), `unavailable` (Telegram no longer has it, or
 * refused it: retrying will not help).
 */
export const MEDIA_FETCH_FAILURE_REASONS = ['too_large', 'unavailable'] as const;
export type MediaFetchFailureReason = (typeof MEDIA_FETCH_FAILURE_REASONS)[number];

/** A client's file could not be fetched, for good: what a manager sees instead of it. */
export type MediaFetchFailed = DomainEvent<
  'Channel.MediaFetchFailed',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly externalMessageId: string;
    readonly reason: MediaFetchFailureReason;
    /** What happened, in words, for the log and an admin. */
    readonly detail: string;
    /** The file's name and size as Telegram gave them, for "too large to fetch (name, size)". */
    readonly fileName: string | null;
    readonly fileSize: number | null;
    readonly failedAt: string;
  }
>;

/** How much of a rejected update's JSON text is kept (characters). */
export const REJECTED_UPDATE_RAW_LIMIT = 8192;

/** The aggregate of a bot's rejected updates: `ws1:tg:123456:rejected_updates`. */
export const telegramRejectedUpdatesId = (workspaceId: string, botId: string): string =>
  `${workspaceId}:tg:${botId}:rejected_updates`;

export type ChannelEvent =
  | ClientStarted
  | ChannelMessageReceived
  | MessageEdited
  | BotBlocked
  | BotUnblocked
  | ChannelMessageDelivered
  | ChannelMessageDeliveryFailed
  | MessageSendAttempted
  | MessageSendAttemptFailed
  | MediaFetched
  | MediaFetchFailed
  | UpdateRejected;
export type ChannelEventType = ChannelEvent['type'];
