import {
  ChatPlacementDataDto,
  MarkMessageSentDataDto,
  MarkReadDataDto,
  MarkUnreadDataDto,
  RetryMessageDataDto,
  SendMessageDataDto,
  type ChatPlacementCommand,
  type ChatPlacementData,
  type CommandEnvelope,
  type MarkMessageSentData,
  type MarkReadData,
  type MarkUnreadData,
  type RetryMessageData,
  type SendMessageData,
} from '@parley/contracts';
import type { ClassConstructor } from 'class-transformer';
import {
  handlerWithData,
  requireSameWorkspace,
  type CommandHandler,
} from '@parley/command-handling';
import type { ConversationCommand, PlaceChat } from '@parley/conversation-domain';
import type { EventStore } from '@parley/eventstore';
import { runConversationCommand } from '../conversation-stream';

/**
 * The conversation's commands (from the gateway, robots): `SendMessage` (B1), `MarkRead` (B6),
 * for a failed manager message (C4) `RetryMessage` and `MarkMessageSent`, and where the chat is
 * listed (L4, L8): `ArchiveConversation`, `UnarchiveConversation`, `PinConversation`,
 * `UnpinConversation`, `IgnoreConversation`, `UnignoreConversation`; `MarkConversationUnread`
 * (L9). A broken data
 * contract throws ContractViolation and a broken rule DomainRuleViolation; the CommandProcessor
 * turns both into rejected outcomes. A command of one workspace never reaches another's
 * conversation (it reads as not found).
 */
export const conversationCommandHandlers = (
  store: EventStore,
): Readonly<Record<string, CommandHandler>> => {
  const onConversation = <Data extends { readonly conversationId: string }>(
    dto: ClassConstructor<object>,
    type: string,
    command: (data: Data, envelope: CommandEnvelope) => ConversationCommand,
  ): CommandHandler =>
    handlerWithData<Data>(dto, type, (data, envelope) => {
      requireSameWorkspace(
        envelope,
        data.conversationId,
        'conversation',
        `There is no conversation ${data.conversationId}: the client has not written yet.`,
      );
      return runConversationCommand(store, data.conversationId, command(data, envelope), envelope);
    });

  const placeChat = (type: ChatPlacementCommand, placement: PlaceChat['placement']) =>
    onConversation<ChatPlacementData>(ChatPlacementDataDto, type, (_data, { metadata }) => ({
      kind: 'PlaceChat',
      placement,
      at: metadata.issuedAt,
    }));

  return {
    ArchiveConversation: placeChat('ArchiveConversation', 'archive'),
    UnarchiveConversation: placeChat('UnarchiveConversation', 'unarchive'),
    PinConversation: placeChat('PinConversation', 'pin'),
    UnpinConversation: placeChat('UnpinConversation', 'unpin'),
    IgnoreConversation: placeChat('IgnoreConversation', 'ignore'),
    UnignoreConversation: placeChat('UnignoreConversation', 'unignore'),
    MarkConversationUnread: onConversation<MarkUnreadData>(
      MarkUnreadDataDto,
      'MarkConversationUnread',
      (_data, { metadata }) => ({ kind: 'MarkUnread', at: metadata.issuedAt }),
    ),
    SendMessage: onConversation<SendMessageData>(
      SendMessageDataDto,
      'SendMessage',
      (data, { metadata }) => ({
        kind: 'SendMessage',
        conversationId: data.conversationId,
        messageId: data.messageId,
        managerId: metadata.actor.id,
        content: data.content,
        queuedAt: metadata.issuedAt,
        ...(data.translatedFrom ? { translatedFrom: data.translatedFrom } : {}),
      }),
    ),
    MarkRead: onConversation<MarkReadData>(MarkReadDataDto, 'MarkRead', (_data, { metadata }) => ({
      kind: 'MarkRead',
      managerId: metadata.actor.id,
      readAt: metadata.issuedAt,
    })),
    RetryMessage: onConversation<RetryMessageData>(
      RetryMessageDataDto,
      'RetryMessage',
      (data, { metadata }) => ({
        kind: 'RetryMessage',
        messageId: data.messageId,
        managerId: metadata.actor.id,
        requeuedAt: metadata.issuedAt,
      }),
    ),
    MarkMessageSent: onConversation<MarkMessageSentData>(
      MarkMessageSentDataDto,
      'MarkMessageSent',
      (data, { metadata }) => ({
        kind: 'MarkMessageSent',
        messageId: data.messageId,
        managerId: metadata.actor.id,
        markedAt: metadata.issuedAt,
      }),
    ),
  };
};
