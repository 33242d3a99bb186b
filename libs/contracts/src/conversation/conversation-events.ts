import type { ChannelClient, TelegramSource } from '../channel/channel-events';
import type { MessageContent } from '../channel/message-content';
import type { DomainEvent } from '../envelope/event-envelope';

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
 * order: `clientOrder` and `placedAt` (`client-message-order.ts` reads v1 events).
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

/** A manager's reply, accepted and waiting for the channel: delivery state "sending" (C4). */
export type ManagerMessageQueued = DomainEvent<
  'Conversation.ManagerMessageQueued',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly managerId: string;
    readonly recipient: TelegramSource;
    readonly content: MessageContent;
    readonly queuedAt: string;
  }
>;

export type MessageDelivered = DomainEvent<
  'Conversation.MessageDelivered',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly externalMessageId: string;
    readonly deliveredAt: string;
  }
>;

export type MessageDeliveryFailed = DomainEvent<
  'Conversation.MessageDeliveryFailed',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly code: string;
    readonly reason: string;
    readonly failedAt: string;
  }
>;

/** A manager read the conversation (B6): unread count back to zero. */
export type ConversationMarkedRead = DomainEvent<
  'Conversation.MarkedRead',
  { readonly conversationId: string; readonly managerId: string; readonly readAt: string }
>;

export type ConversationEvent =
  | ConversationStarted
  | ClientMessageReceived
  | ManagerMessageQueued
  | MessageDelivered
  | MessageDeliveryFailed
  | ConversationMarkedRead;
export type ConversationEventType = ConversationEvent['type'];
