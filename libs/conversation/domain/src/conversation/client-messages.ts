import { clientOrderOf } from '@parley/contracts';
import { DomainRuleViolation } from '@parley/decider';
import type {
  RecordBotBlocked,
  RecordBotUnblocked,
  RecordClientMedia,
  RecordClientMessage,
  RecordClientMessageEdit,
} from './conversation-commands';
import type { ConversationDecidedEvent } from './conversation-decided-events';
import { recordedMessage, type DecidedEvents } from './conversation-rules';
import type {
  ConversationState,
  OpenConversation,
  RecordedClientMessage,
} from './conversation-state';

// What the client did, as the channel reports it: messages, edits, files, blocking the bot.

export const recordClientMessage = (
  c: RecordClientMessage,
  state: ConversationState,
): DecidedEvents => {
  if (state.status === 'open' && recordedMessage(state, c.messageId)) return [];
  // Recorded already through an edit that came first (Parley never saw the original then).
  if (state.status === 'open' && clientMessageByExternalId(state, c.externalMessageId)) return [];
  const clientOrder = clientOrderOf(c.externalMessageId);
  const received: ConversationDecidedEvent = {
    type: 'Conversation.ClientMessageReceived',
    data: {
      conversationId: c.conversationId,
      messageId: c.messageId,
      externalMessageId: c.externalMessageId,
      content: c.content,
      sentAt: c.sentAt,
      clientOrder,
      placedAt:
        state.status === 'open' ? placement(state, clientOrder, c.receivedAt) : c.receivedAt,
    },
  };
  if (state.status === 'open') return [received];
  return [
    {
      type: 'Conversation.Started',
      data: {
        conversationId: c.conversationId,
        source: c.source,
        client: c.client,
        startedAt: c.sentAt,
      },
    },
    received,
  ];
};

export const recordClientMessageEdit = (
  c: RecordClientMessageEdit,
  state: ConversationState,
): DecidedEvents => {
  const open = state.status === 'open' ? state : null;
  const known = open === null ? undefined : clientMessageByExternalId(open, c.externalMessageId);
  if (known !== undefined && known.message.editIds.includes(c.editId)) return [];
  if (open !== null && known === undefined && recordedMessage(open, c.messageId)) return [];
  const clientOrder = clientOrderOf(c.externalMessageId);
  const edited: ConversationDecidedEvent = {
    type: 'Conversation.ClientMessageEdited',
    data: {
      conversationId: c.conversationId,
      messageId: known?.messageId ?? c.messageId,
      externalMessageId: c.externalMessageId,
      editId: c.editId,
      content: c.content,
      editedAt: c.editedAt,
      previousVersion: known?.message.current ?? null,
      sentAt: known?.message.sentAt ?? c.sentAt,
      clientOrder: known?.message.clientOrder ?? clientOrder,
      placedAt:
        known?.message.placedAt ??
        (open === null ? c.receivedAt : placement(open, clientOrder, c.receivedAt)),
    },
  };
  if (open !== null) return [edited];
  return [conversationStarted({ ...c, at: c.sentAt }), edited];
};

export const recordBotBlocked = (c: RecordBotBlocked, state: ConversationState): DecidedEvents => {
  if (state.status === 'open' && state.bot.status === 'blocked') return [];
  const blocked: ConversationDecidedEvent = {
    type: 'Conversation.ClientBlockedBot',
    data: { conversationId: c.conversationId, blockedAt: c.blockedAt },
  };
  if (state.status === 'open') return [blocked];
  return [conversationStarted({ ...c, at: c.blockedAt }), blocked];
};

export const recordBotUnblocked = (
  c: RecordBotUnblocked,
  state: ConversationState,
): DecidedEvents => {
  if (state.status !== 'open' || state.bot.status !== 'blocked') return [];
  return [
    {
      type: 'Conversation.ClientUnblockedBot',
      data: { conversationId: state.conversationId, unblockedAt: c.unblockedAt },
    },
  ];
};

export const recordClientMedia = (
  c: RecordClientMedia,
  state: ConversationState,
): DecidedEvents => {
  const message = state.status === 'open' ? recordedMessage(state, c.messageId) : undefined;
  if (state.status !== 'open' || message?.direction !== 'client') {
    throw new DomainRuleViolation(
      'message.not_found',
      `There is no client message ${c.messageId} in this conversation.`,
    );
  }
  if (message.media !== 'none') return [];
  const { conversationId } = state;
  const o = c.outcome;
  return o.status === 'fetched'
    ? [
        {
          type: 'Conversation.ClientMediaFetched',
          data: {
            conversationId,
            messageId: c.messageId,
            mediaId: o.mediaId,
            contentType: o.contentType,
            size: o.size,
            fetchedAt: o.fetchedAt,
          },
        },
      ]
    : [
        {
          type: 'Conversation.ClientMediaFetchFailed',
          data: {
            conversationId,
            messageId: c.messageId,
            reason: o.reason,
            fileName: o.fileName,
            fileSize: o.fileSize,
            failedAt: o.failedAt,
          },
        },
      ];
};

/**
 * Where a client message stands on the timeline (C7): at its arrival, but never before a client
 * message it follows in the client's order, nor after one it precedes. So a message that arrives
 * after a later one (a redelivery after an outage) takes that later message's time and, by its
 * order, goes just before it; manager messages and actions keep their own times. Placements of
 * ordered client messages therefore never decrease in the client's order.
 */
const placement = (
  open: OpenConversation,
  clientOrder: number | null,
  receivedAt: string,
): string => {
  if (clientOrder === null) return receivedAt;
  let before: { order: number; placedAt: string } | null = null;
  let after: { order: number; placedAt: string } | null = null;
  for (const message of Object.values(open.messages)) {
    if (message.direction !== 'client' || message.clientOrder === null) continue;
    const order = message.clientOrder;
    if (order < clientOrder && (before === null || order > before.order)) {
      before = { order, placedAt: message.placedAt };
    }
    if (order > clientOrder && (after === null || order < after.order)) {
      after = { order, placedAt: message.placedAt };
    }
  }
  let placedAt = receivedAt;
  if (before !== null && Date.parse(before.placedAt) > Date.parse(placedAt)) {
    placedAt = before.placedAt;
  }
  if (after !== null && Date.parse(after.placedAt) < Date.parse(placedAt)) {
    placedAt = after.placedAt;
  }
  return placedAt;
};

const conversationStarted = (c: {
  readonly conversationId: string;
  readonly source: OpenConversation['source'];
  readonly client: OpenConversation['client'];
  readonly at: string;
}): ConversationDecidedEvent => ({
  type: 'Conversation.Started',
  data: {
    conversationId: c.conversationId,
    source: c.source,
    client: c.client,
    startedAt: c.at,
  },
});

const clientMessageByExternalId = (
  open: OpenConversation,
  externalMessageId: string,
): { messageId: string; message: RecordedClientMessage } | undefined => {
  for (const [messageId, message] of Object.entries(open.messages)) {
    if (message.direction === 'client' && message.externalMessageId === externalMessageId) {
      return { messageId, message };
    }
  }
  return undefined;
};
