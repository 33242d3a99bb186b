import type {
  ChannelClient,
  MediaFetchFailureReason,
  ManagerMessageContent,
  MessageContent,
  TelegramSource,
  TranslatedFrom,
} from '@parley/contracts';

/** A client wrote (C1, C7): recorded once per messageId, whatever the channel repeats. */
export interface RecordClientMessage {
  readonly kind: 'RecordClientMessage';
  readonly conversationId: string;
  readonly source: TelegramSource;
  readonly client: ChannelClient;
  readonly messageId: string;
  readonly externalMessageId: string;
  readonly content: MessageContent;
  /** When the client sent it, by the messenger's clock. */
  readonly sentAt: string;
  /** When it reached Parley (the channel recorded it): where an in-order message is placed. */
  readonly receivedAt: string;
}

/**
 * A client edited a message (C5). `editId` (the channel event's id) is recorded so that a
 * redelivered edit emits nothing; `messageId` names the message when Parley never saw the
 * original (the edit is then kept as its own item).
 */
export interface RecordClientMessageEdit {
  readonly kind: 'RecordClientMessageEdit';
  readonly conversationId: string;
  readonly source: TelegramSource;
  readonly client: ChannelClient;
  readonly editId: string;
  readonly messageId: string;
  readonly externalMessageId: string;
  readonly content: MessageContent;
  readonly sentAt: string;
  readonly editedAt: string;
  readonly receivedAt: string;
}

/** The client blocked the bot (`my_chat_member` → `kicked`). */
export interface RecordBotBlocked {
  readonly kind: 'RecordBotBlocked';
  readonly conversationId: string;
  readonly source: TelegramSource;
  readonly client: ChannelClient;
  readonly blockedAt: string;
}

/** The client unblocked the bot (`my_chat_member` → `member`). */
export interface RecordBotUnblocked {
  readonly kind: 'RecordBotUnblocked';
  readonly unblockedAt: string;
}

/**
 * What became of a client message's file (the channel's `Channel.MediaFetched` or
 * `Channel.MediaFetchFailed`): recorded once per message.
 */
export interface RecordClientMedia {
  readonly kind: 'RecordClientMedia';
  readonly messageId: string;
  readonly outcome:
    | {
        readonly status: 'fetched';
        readonly mediaId: string;
        readonly contentType: string;
        readonly size: number;
        readonly fetchedAt: string;
      }
    | {
        readonly status: 'failed';
        readonly reason: MediaFetchFailureReason;
        readonly fileName: string | null;
        readonly fileSize: number | null;
        readonly failedAt: string;
      };
}

/**
 * A manager replies (B1), the command `SendMessage` from the API: the message is queued and the
 * channel delivers it later (C4: "sending").
 */
export interface SendMessage {
  readonly kind: 'SendMessage';
  readonly conversationId: string;
  readonly messageId: string;
  readonly managerId: string;
  /** Text, or an attachment the gateway found in the media store (B8). */
  readonly content: ManagerMessageContent;
  readonly queuedAt: string;
  /** The manager's own words when the text is their translation (B4). */
  readonly translatedFrom?: TranslatedFrom;
}

/** The channel delivered a manager message (C4: "sent"). */
export interface RecordDelivery {
  readonly kind: 'RecordDelivery';
  readonly messageId: string;
  readonly externalMessageId: string;
  readonly deliveredAt: string;
}

/** The channel could not deliver a manager message (C4: "error" with its reason). */
export interface RecordDeliveryFailure {
  readonly kind: 'RecordDeliveryFailure';
  readonly messageId: string;
  readonly code: string;
  readonly reason: string;
  readonly failedAt: string;
}

/**
 * A manager sends a failed message again (C4 "retry"). For a failure with code `unconfirmed`
 * this is a deliberate second send: the manager checked the chat and the client did not get it.
 */
export interface RetryMessage {
  readonly kind: 'RetryMessage';
  readonly messageId: string;
  readonly managerId: string;
  readonly requeuedAt: string;
}

/**
 * A manager checked the chat and the client got a message the channel could not confirm
 * (failure code `unconfirmed`): it is sent, by the manager's word.
 */
export interface MarkMessageSent {
  readonly kind: 'MarkMessageSent';
  readonly messageId: string;
  readonly managerId: string;
  readonly markedAt: string;
}

/** A manager marks the conversation read without replying (B6). */
export interface MarkRead {
  readonly kind: 'MarkRead';
  readonly managerId: string;
  readonly readAt: string;
}

/**
 * A manager or a robot archives, unarchives, pins or unpins the chat, or puts the client on the
 * ignore list or off it (L4, L8); `at` is when they asked.
 */
export interface PlaceChat {
  readonly kind: 'PlaceChat';
  readonly placement: 'archive' | 'unarchive' | 'pin' | 'unpin' | 'ignore' | 'unignore';
  readonly at: string;
}

/** A manager marks the chat unread (L9); `at` is when they asked. */
export interface MarkUnread {
  readonly kind: 'MarkUnread';
  readonly at: string;
}

export type ConversationCommand =
  | RecordClientMessage
  | RecordClientMessageEdit
  | RecordBotBlocked
  | RecordBotUnblocked
  | RecordClientMedia
  | SendMessage
  | RecordDelivery
  | RecordDeliveryFailure
  | RetryMessage
  | MarkMessageSent
  | MarkRead
  | MarkUnread
  | PlaceChat;
