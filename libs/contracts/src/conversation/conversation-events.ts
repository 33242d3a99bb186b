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

export type ClientMessageReceived = DomainEvent<
  'Conversation.ClientMessageReceived',
  {
    readonly conversationId: string;
    readonly messageId: string;
    readonly externalMessageId: string;
    readonly content: MessageContent;
    readonly sentAt: string;
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
