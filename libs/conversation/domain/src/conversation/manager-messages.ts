import { UNCONFIRMED_DELIVERY } from '@parley/contracts';
import { DomainRuleViolation } from '@parley/decider';
import type {
  MarkMessageSent,
  RecordDelivery,
  RecordDeliveryFailure,
  RetryMessage,
  SendMessage,
} from './conversation-commands';
import {
  recordedMessage,
  requireManagerMessage,
  requireOpen,
  requireSendable,
  type DecidedEvents,
} from './conversation-rules';
import type { ConversationState } from './conversation-state';

// A manager message (C4): sent by a manager, then its delivery results from the channel, a retry
// of one in error, a manager's word that one not confirmed was sent.

export const sendMessage = (c: SendMessage, state: ConversationState): DecidedEvents => {
  const open = requireOpen(state, c.conversationId);
  if (recordedMessage(open, c.messageId)) return [];
  if (open.bot.status === 'blocked') {
    throw new DomainRuleViolation(
      'client.blocked_bot',
      'The client blocked the bot: nothing can be sent until they unblock it.',
    );
  }
  requireSendable(c.content);
  return [
    {
      type: 'Conversation.ManagerMessageQueued',
      data: {
        conversationId: open.conversationId,
        messageId: c.messageId,
        managerId: c.managerId,
        recipient: open.source,
        content: c.content,
        queuedAt: c.queuedAt,
        ...(c.translatedFrom ? { translatedFrom: c.translatedFrom } : {}),
      },
    },
  ];
};

export const recordDelivery = (c: RecordDelivery, state: ConversationState): DecidedEvents => {
  const { open, message } = requireManagerMessage(state, c.messageId);
  if (message.delivery.status === 'sent') return [];
  return [
    {
      type: 'Conversation.MessageDelivered',
      data: {
        conversationId: open.conversationId,
        messageId: c.messageId,
        externalMessageId: c.externalMessageId,
        deliveredAt: c.deliveredAt,
      },
    },
  ];
};

export const recordDeliveryFailure = (
  c: RecordDeliveryFailure,
  state: ConversationState,
): DecidedEvents => {
  const { open, message } = requireManagerMessage(state, c.messageId);
  if (message.delivery.status !== 'sending') return [];
  return [
    {
      type: 'Conversation.MessageDeliveryFailed',
      data: {
        conversationId: open.conversationId,
        messageId: c.messageId,
        code: c.code,
        reason: c.reason,
        failedAt: c.failedAt,
      },
    },
  ];
};

export const retryMessage = (c: RetryMessage, state: ConversationState): DecidedEvents => {
  const { open, message } = requireManagerMessage(state, c.messageId);
  if (message.delivery.status !== 'error') {
    throw new DomainRuleViolation(
      'message.not_failed',
      message.delivery.status === 'sending'
        ? 'This message is still being sent: only a message that failed can be sent again.'
        : 'This message was already sent: only a message that failed can be sent again.',
    );
  }
  return [
    {
      type: 'Conversation.ManagerMessageRequeued',
      data: {
        conversationId: open.conversationId,
        messageId: c.messageId,
        managerId: c.managerId,
        recipient: open.source,
        content: message.content,
        retry: message.failures,
        requeuedAt: c.requeuedAt,
      },
    },
  ];
};

export const markMessageSent = (c: MarkMessageSent, state: ConversationState): DecidedEvents => {
  const { open, message } = requireManagerMessage(state, c.messageId);
  if (message.delivery.status !== 'error' || message.delivery.code !== UNCONFIRMED_DELIVERY) {
    throw new DomainRuleViolation(
      'message.not_unconfirmed',
      'Only a message whose delivery was not confirmed can be marked sent: this one ' +
        (message.delivery.status === 'error'
          ? 'certainly failed, send it again instead.'
          : message.delivery.status === 'sending'
            ? 'is still being sent.'
            : 'was already sent.'),
    );
  }
  return [
    {
      type: 'Conversation.MessageMarkedSent',
      data: {
        conversationId: open.conversationId,
        messageId: c.messageId,
        managerId: c.managerId,
        markedAt: c.markedAt,
      },
    },
  ];
};
