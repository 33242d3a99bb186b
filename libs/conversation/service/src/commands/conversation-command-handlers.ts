import {
  MarkMessageSentDataDto,
  MarkReadDataDto,
  RetryMessageDataDto,
  SendMessageDataDto,
  validatePlain,
  type CommandEnvelope,
  type MarkMessageSentData,
  type MarkReadData,
  type RetryMessageData,
  type SendMessageData,
} from '@parley/contracts';
import {
  requireSameWorkspace as requireWorkspaceOf,
  type CommandHandler,
} from '@parley/command-handling';
import type { EventStore } from '@parley/eventstore';
import { runConversationCommand } from '../conversation-stream';

/**
 * The conversation's commands (from the gateway, robots): `SendMessage` (B1), `MarkRead` (B6),
 * and for a failed manager message (C4) `RetryMessage` and `MarkMessageSent`. A broken data contract throws ContractViolation and a broken rule DomainRuleViolation;
 * the CommandProcessor turns both into rejected outcomes.
 */
export const conversationCommandHandlers = (
  store: EventStore,
): Readonly<Record<string, CommandHandler>> => ({
  SendMessage: async (envelope) => {
    const data = validatePlain<SendMessageData>(SendMessageDataDto, envelope.data, 'SendMessage');
    requireSameWorkspace(envelope, data.conversationId);
    return runConversationCommand(
      store,
      data.conversationId,
      {
        kind: 'QueueManagerMessage',
        conversationId: data.conversationId,
        messageId: data.messageId,
        managerId: envelope.metadata.actor.id,
        content: data.content,
        queuedAt: envelope.metadata.issuedAt,
      },
      envelope,
    );
  },
  MarkRead: async (envelope) => {
    const data = validatePlain<MarkReadData>(MarkReadDataDto, envelope.data, 'MarkRead');
    requireSameWorkspace(envelope, data.conversationId);
    return runConversationCommand(
      store,
      data.conversationId,
      {
        kind: 'MarkRead',
        managerId: envelope.metadata.actor.id,
        readAt: envelope.metadata.issuedAt,
      },
      envelope,
    );
  },
  RetryMessage: async (envelope) => {
    const data = validatePlain<RetryMessageData>(
      RetryMessageDataDto,
      envelope.data,
      'RetryMessage',
    );
    requireSameWorkspace(envelope, data.conversationId);
    return runConversationCommand(
      store,
      data.conversationId,
      {
        kind: 'RetryMessage',
        messageId: data.messageId,
        managerId: envelope.metadata.actor.id,
        requeuedAt: envelope.metadata.issuedAt,
      },
      envelope,
    );
  },
  MarkMessageSent: async (envelope) => {
    const data = validatePlain<MarkMessageSentData>(
      MarkMessageSentDataDto,
      envelope.data,
      'MarkMessageSent',
    );
    requireSameWorkspace(envelope, data.conversationId);
    return runConversationCommand(
      store,
      data.conversationId,
      {
        kind: 'MarkMessageSent',
        messageId: data.messageId,
        managerId: envelope.metadata.actor.id,
        markedAt: envelope.metadata.issuedAt,
      },
      envelope,
    );
  },
});

/** A command of one workspace never reaches another's conversation (it reads as not found). */
const requireSameWorkspace = (envelope: CommandEnvelope, conversationId: string): void =>
  requireWorkspaceOf(
    envelope,
    conversationId,
    'conversation',
    `There is no conversation ${conversationId}: the client has not written yet.`,
  );
