import type {
  ChannelClient,
  ManagerMessageContent,
  MessageVersion,
  TelegramSource,
} from '@parley/contracts';

/**
 * Where a manager message stands (C4), in the product's words: `sent` once the channel delivered
 * it (`Conversation.MessageDelivered`) or a manager marked it sent; `error` after a delivery
 * failure, which keeps its code (`unconfirmed`, ...).
 */
export type ManagerMessageDelivery =
  | { readonly status: 'sending' }
  | { readonly status: 'sent' }
  | { readonly status: 'error'; readonly code: string };

/** Delivery state of a manager message (C4): sending, sent, error (as the read model's). */
export type DeliveryState = ManagerMessageDelivery['status'];

export interface RecordedManagerMessage {
  readonly direction: 'manager';
  /** What a retry sends again. */
  readonly content: ManagerMessageContent;
  readonly delivery: ManagerMessageDelivery;
  /** Delivery failures so far: a retry carries it as `retry`. */
  readonly failures: number;
}

export interface RecordedClientMessage {
  readonly direction: 'client';
  /** The messenger's id of it: what an edit names. */
  readonly externalMessageId: string;
  /** Its number in the client's order (Telegram message_id), or null. */
  readonly clientOrder: number | null;
  /** Its time on the timeline (see `Conversation.ClientMessageReceived`). */
  readonly placedAt: string;
  readonly sentAt: string;
  /** Its current version: what the next edit replaces. */
  readonly current: MessageVersion;
  /** The edits applied so far (their ids), so a redelivered edit emits nothing. */
  readonly editIds: readonly string[];
  /** Its file (media content): not yet known, fetched into the media store, or failed. */
  readonly media: 'none' | 'fetched' | 'failed';
}

export type RecordedMessage = RecordedClientMessage | RecordedManagerMessage;

/** Whether replies reach the client: not while they have blocked the bot. */
export type BotMembership =
  { readonly status: 'member' } | { readonly status: 'blocked'; readonly since: string };

export interface OpenConversation {
  readonly status: 'open';
  readonly conversationId: string;
  /** Where replies go. */
  readonly source: TelegramSource;
  readonly client: ChannelClient;
  /** Every message id recorded so far, client and manager, for idempotency and delivery. */
  readonly messages: Readonly<Record<string, RecordedMessage>>;
  /** Client messages since the last MarkedRead (L5). */
  readonly unread: number;
  /** Blocked: the client blocked the bot, and sending is refused until they unblock it. */
  readonly bot: BotMembership;
  /** Where the chat stands in the list (L4, L8): archived until unarchived or the client writes. */
  readonly archived: boolean;
  readonly pinned: boolean;
  /** The client is on the ignore list (L8): messages recorded, no alert, archive kept. */
  readonly ignored: boolean;
  /** A manager marked the chat unread (L9) and nobody read it since. */
  readonly markedUnread: boolean;
}

/** No client has written yet, or an open conversation. */
export type ConversationState = { readonly status: 'none' } | OpenConversation;
