import type { TranslatedFrom } from './conversation-commands';
import type {
  ChannelClient,
  MediaFetchFailureReason,
  TelegramSource,
} from '../channel/channel-events';
import type { MessageContent } from '../channel/message-content';
import type { DomainEvent } from '../envelope/event-envelope';
import type { ManagerMessageContent } from './attachment-content';

/** Conversation aggregate events; stream `conversation-{conversationId}`. */
export type ConversationStarted = DomainEvent<
  'Conversation.Started',
  {
    readonly conversationId: string;
    readonly source: TelegramSource;
    readonly client: ChannelClient;
    readonly startedAt: string;
  }
>;

/**
 * A client message, recorded once (C1, C7). Schema v2 added where it stands in the client's
 * order: `clientOrder` and `placedAt` (`client-message-order.ts` reads v1 events); v3 lets
 * `content` be any kind (photo, voice, location, ...), v2 contents read unchanged.
 */
export type ClientMessageReceived = DomainEvent<
  'Conversation.ClientMessageReceived',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly externalMessageId: string;
    readonly content: MessageContent;
    /** When the client sent it, by the messenger's clock (shown beside the message). */
    readonly sentAt: string;
    /**
     * The message's number in the order the client wrote in, within the chat: Telegram's
     * `message_id`, which grows per chat. Null when the channel's id does not order messages.
     */
    readonly clientOrder: number | null;
    /**
     * Its time on the conversation's timeline (C3, C7): when it arrived, unless a message the
     * client wrote after it arrived first; then the time of that later message, so the two
     * stand in the client's order whatever order they arrived in.
     */
    readonly placedAt: string;
  }
>;

/** One version of a client message: its content, and when it was written (sent or edited). */
export interface MessageVersion {
  readonly content: MessageContent;
  readonly at: string;
}

/**
 * A client edited a message (C5): `content` is the message as it is now, `previousVersion` what
 * it replaces (the timeline keeps it among the earlier versions). `previousVersion` is null for
 * an edit of a message Parley never saw: the edited message is then recorded as its own item,
 * at `placedAt` like any client message, rather than lost. `editId` (the channel event's id)
 * makes a redelivered edit a no-op.
 */
export type ClientMessageEdited = DomainEvent<
  'Conversation.ClientMessageEdited',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly externalMessageId: string;
    readonly editId: string;
    readonly content: MessageContent;
    readonly editedAt: string;
    readonly previousVersion: MessageVersion | null;
    /** When the client first sent the message, by the messenger's clock. */
    readonly sentAt: string;
    readonly clientOrder: number | null;
    readonly placedAt: string;
  }
>;

/** The client blocked the bot: no message reaches them, sending is refused until they unblock. */
export type ClientBlockedBot = DomainEvent<
  'Conversation.ClientBlockedBot',
  { readonly conversationId: string; readonly blockedAt: string }
>;

/** The client unblocked the bot: sending works again. */
export type ClientUnblockedBot = DomainEvent<
  'Conversation.ClientUnblockedBot',
  { readonly conversationId: string; readonly unblockedAt: string }
>;

/**
 * A client message's file is in the media store (from `Channel.MediaFetched`): the timeline shows
 * it by `mediaId`. Recorded once per message.
 */
export type ClientMediaFetched = DomainEvent<
  'Conversation.ClientMediaFetched',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly mediaId: string;
    readonly contentType: string;
    readonly size: number;
    readonly fetchedAt: string;
  }
>;

/**
 * A client message's file cannot be fetched (from `Channel.MediaFetchFailed`): `too_large` (over
 * the Bot API's 20 MB download limit: "too large to fetch (name, size)") or `unavailable`.
 */
export type ClientMediaFetchFailed = DomainEvent<
  'Conversation.ClientMediaFetchFailed',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly reason: MediaFetchFailureReason;
    readonly fileName: string | null;
    readonly fileSize: number | null;
    readonly failedAt: string;
  }
>;

/** A manager's reply, accepted and waiting for the channel: delivery state "sending" (C4). */
export type ManagerMessageQueued = DomainEvent<
  'Conversation.ManagerMessageQueued',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly managerId: string;
    readonly recipient: TelegramSource;
    readonly content: ManagerMessageContent;
    readonly queuedAt: string;
    /** The manager's own words when `content` is their translation (B4); absent otherwise. */
    readonly translatedFrom?: TranslatedFrom;
  }
>;

/**
 * The channel delivered a manager message: delivery state "sent" (C4). The wire name says what
 * happened and stays (stored history); the state is the product's word.
 */
export type ConversationMessageDelivered = DomainEvent<
  'Conversation.MessageDelivered',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly externalMessageId: string;
    readonly deliveredAt: string;
  }
>;

/** The delivery failure code of a send whose fate is unknown: Telegram may have delivered it. */
export const UNCONFIRMED_DELIVERY = 'unconfirmed';

/** The channel could not deliver a manager message: delivery state "error", with its reason (C4). */
export type ConversationMessageDeliveryFailed = DomainEvent<
  'Conversation.MessageDeliveryFailed',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly code: string;
    readonly reason: string;
    readonly failedAt: string;
  }
>;

/**
 * A manager sends a failed message again (C4 "retry"): delivery state back to "sending". It
 * carries what the channel needs to send (recipient, content) and `retry`, how many delivery
 * failures of the message came before: the channel's send history counts rounds by it (failure
 * `retry + 1` ends this round). `managerId` is who asked for the retry, not the author.
 */
export type ManagerMessageRequeued = DomainEvent<
  'Conversation.ManagerMessageRequeued',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly managerId: string;
    readonly recipient: TelegramSource;
    readonly content: ManagerMessageContent;
    /** Delivery failures of this message before this retry: 1 for the first retry. */
    readonly retry: number;
    readonly requeuedAt: string;
  }
>;

/**
 * A manager checked the chat in the messenger and the client got a message the channel could
 * not confirm (failure code `unconfirmed`): delivery state "sent", marked by that manager.
 */
export type MessageMarkedSent = DomainEvent<
  'Conversation.MessageMarkedSent',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly managerId: string;
    readonly markedAt: string;
  }
>;

/** A manager read the conversation (B6): unread count back to zero. */
export type ConversationMarkedRead = DomainEvent<
  'Conversation.MarkedRead',
  { readonly conversationId: string; readonly managerId: string; readonly readAt: string }
>;

/**
 * The chat was archived (L4): hidden from the list until it is unarchived or the client writes
 * again. Who did it (a manager, a robot) is the event's actor.
 */
export type ConversationArchived = DomainEvent<
  'Conversation.Archived',
  { readonly conversationId: string; readonly archivedAt: string }
>;

/** The chat is back in the list (L4), by a manager's or a robot's hand. */
export type ConversationUnarchived = DomainEvent<
  'Conversation.Unarchived',
  { readonly conversationId: string; readonly unarchivedAt: string }
>;

/** The chat was pinned (L8): it shows under the Pinned tab until it is unpinned. */
export type ConversationPinned = DomainEvent<
  'Conversation.Pinned',
  { readonly conversationId: string; readonly pinnedAt: string }
>;

/** The chat was unpinned (L8). */
export type ConversationUnpinned = DomainEvent<
  'Conversation.Unpinned',
  { readonly conversationId: string; readonly unpinnedAt: string }
>;

/**
 * The client was put on the ignore list (L8): their messages are still recorded and counted
 * unread, but the chat shows only under the Ignored tab, raises no alert, and a message of
 * theirs does not bring an archived chat back. Who did it is the event's actor.
 */
export type ConversationIgnored = DomainEvent<
  'Conversation.Ignored',
  { readonly conversationId: string; readonly ignoredAt: string }
>;

/** The client is off the ignore list (L8): the chat is back in the other tabs. */
export type ConversationUnignored = DomainEvent<
  'Conversation.Unignored',
  { readonly conversationId: string; readonly unignoredAt: string }
>;

/**
 * A manager marked the chat unread (L9): it counts as unread until somebody reads it
 * (`Conversation.MarkedRead` clears it).
 */
export type ConversationMarkedUnread = DomainEvent<
  'Conversation.MarkedUnread',
  { readonly conversationId: string; readonly markedUnreadAt: string }
>;

export type ConversationEvent =
  | ConversationStarted
  | ClientMessageReceived
  | ClientMessageEdited
  | ClientBlockedBot
  | ClientUnblockedBot
  | ClientMediaFetched
  | ClientMediaFetchFailed
  | ManagerMessageQueued
  | ConversationMessageDelivered
  | ConversationMessageDeliveryFailed
  | ManagerMessageRequeued
  | MessageMarkedSent
  | ConversationMarkedRead
  | ConversationArchived
  | ConversationUnarchived
  | ConversationPinned
  | ConversationUnpinned
  | ConversationIgnored
  | ConversationUnignored
  | ConversationMarkedUnread;
export type ConversationEventType = ConversationEvent['type'];
