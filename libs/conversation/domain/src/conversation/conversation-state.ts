import type {
  ChannelClient,
  MessageContent,
  MessageVersion,
  TelegramSource,
} from '@parley/contracts';

/** Where a manager's message stands: failed ones keep their failure's code (`unconfirmed`, ...). */
export type ManagerMessageDelivery =
  | { readonly status: 'sending' }
  | { readonly status: 'delivered' }
  | { readonly status: 'failed'; readonly code: string };

/** Delivery state of a manager's message (C4). */
export type DeliveryStatus = ManagerMessageDelivery['status'];

export interface RecordedManagerMessage {
  readonly direction: 'manager';
  /** What a retry sends again. */
  readonly content: MessageContent;
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
}

/** No client has written yet, or an open conversation. */
export type ConversationState = { readonly status: 'none' } | OpenConversation;
