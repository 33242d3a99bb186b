import {
  clientMessageReceivedData,
  clientOrderOf,
  UNCONFIRMED_DELIVERY,
  type MessageContent,
} from '@parley/contracts';
import { assertNever, DomainRuleViolation, type Decider } from '@parley/decider';
import type {
  ConversationCommand,
  MarkMessageSent,
  MarkRead,
  QueueManagerMessage,
  RecordBotBlocked,
  RecordBotUnblocked,
  RecordClientMedia,
  RecordClientMessage,
  RecordClientMessageEdit,
  RecordDelivery,
  RecordDeliveryFailure,
  RetryMessage,
} from './conversation-commands';
import type { ConversationDecidedEvent } from './conversation-decided-events';
import type {
  ConversationState,
  ManagerMessageDelivery,
  OpenConversation,
  RecordedClientMessage,
  RecordedManagerMessage,
} from './conversation-state';

type Events = readonly ConversationDecidedEvent[];

/**
 * The Conversation aggregate (stream `conversation-{conversationId}`).
 *
 * Rules:
 * - The first client message opens the conversation: Started, then ClientMessageReceived.
 *   A client message of a kind Parley cannot show yet (`unsupported` content: a photo, a voice
 *   note, ...) is recorded and counted unread like any other: nothing a client sends is dropped.
 * - A message id already recorded (client or manager) emits nothing: channels and senders
 *   repeat themselves (C7: a webhook retry never shows a message twice).
 * - A client message is placed in the order the client wrote in (C7, see `placement`): one that
 *   arrives after a later one of the client's stands before it, not at its arrival. It still
 *   counts unread, also after a MarkedRead: the manager has not seen it.
 * - A manager message needs an existing conversation (`conversation.not_found`) and text that is
 *   not blank (`message.empty`; `unsupported` content is the client's side only:
 *   `message.not_sendable`); its recipient is where the client wrote from.
 * - Delivery results apply to manager messages of this conversation only (`message.not_found`
 *   otherwise). A delivered message stays delivered: a repeated or late result emits nothing.
 *   A failed message may still be reported delivered (the channel's own retry got through);
 *   a second failure of a failed message emits nothing.
 * - RetryMessage (C4 "retry") needs a failed manager message (`message.not_failed` otherwise),
 *   whatever its failure: for `unconfirmed` it is the manager's deliberate second send. It
 *   requeues the message to the conversation's recipient with its content and `retry`, the
 *   failures so far: back to "sending".
 * - MarkMessageSent needs a manager message that failed as `unconfirmed`
 *   (`message.not_unconfirmed` otherwise): the manager checked the chat, the client got it. It is
 *   delivered from then on; a late delivery or failure from the channel emits nothing.
 * - An edit (C5) of a recorded client message replaces its content and carries the version it
 *   replaces (the timeline keeps the earlier versions); an edit already applied (same editId)
 *   emits nothing. An edit of a message Parley never saw is kept as its own item (no previous
 *   version), placed like a client message; a later edit of it applies to it. An edit is not a
 *   new message: unread does not move.
 * - The client blocks the bot: ClientBlockedBot (opening the conversation first if the client
 *   never wrote); while blocked, a manager message is refused (`client.blocked_bot`) with the
 *   reason. Blocking twice, or unblocking a conversation that is not blocked, emits nothing.
 * - A client message's file (RecordClientMedia) is recorded once: ClientMediaFetched with its
 *   media id, or ClientMediaFetchFailed with the reason; for a client message of this
 *   conversation only (`message.not_found`). A second outcome for the same message emits nothing.
 * - MarkRead needs an existing conversation (`conversation.not_found`); with nothing unread it
 *   emits nothing (the command is accepted, no event): there is nothing to mark, and a repeated
 *   click must not fill the timeline.
 * - Unread counts client messages since the last MarkedRead. A manager's reply does not reset
 *   it: only MarkedRead does (B6), so the projector counts the same way.
 */
export const conversationDecider: Decider<
  ConversationCommand,
  ConversationDecidedEvent,
  ConversationState
> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => evolve(state, event),
  decide: (command, state) => {
    switch (command.kind) {
      case 'RecordClientMessage':
        return recordClientMessage(command, state);
      case 'RecordClientMessageEdit':
        return recordClientMessageEdit(command, state);
      case 'RecordBotBlocked':
        return recordBotBlocked(command, state);
      case 'RecordBotUnblocked':
        return recordBotUnblocked(command, state);
      case 'RecordClientMedia':
        return recordClientMedia(command, state);
      case 'QueueManagerMessage':
        return queueManagerMessage(command, state);
      case 'RecordDelivery':
        return recordDelivery(command, state);
      case 'RecordDeliveryFailure':
        return recordDeliveryFailure(command, state);
      case 'RetryMessage':
        return retryMessage(command, state);
      case 'MarkMessageSent':
        return markMessageSent(command, state);
      case 'MarkRead':
        return markRead(command, state);
      default:
        return assertNever(command, 'conversation command');
    }
  },
};

const recordClientMessage = (c: RecordClientMessage, state: ConversationState): Events => {
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

const recordClientMessageEdit = (c: RecordClientMessageEdit, state: ConversationState): Events => {
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

const recordBotBlocked = (c: RecordBotBlocked, state: ConversationState): Events => {
  if (state.status === 'open' && state.bot.status === 'blocked') return [];
  const blocked: ConversationDecidedEvent = {
    type: 'Conversation.ClientBlockedBot',
    data: { conversationId: c.conversationId, blockedAt: c.blockedAt },
  };
  if (state.status === 'open') return [blocked];
  return [conversationStarted({ ...c, at: c.blockedAt }), blocked];
};

const recordBotUnblocked = (c: RecordBotUnblocked, state: ConversationState): Events => {
  if (state.status !== 'open' || state.bot.status !== 'blocked') return [];
  return [
    {
      type: 'Conversation.ClientUnblockedBot',
      data: { conversationId: state.conversationId, unblockedAt: c.unblockedAt },
    },
  ];
};

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

const queueManagerMessage = (c: QueueManagerMessage, state: ConversationState): Events => {
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
      },
    },
  ];
};

const recordClientMedia = (c: RecordClientMedia, state: ConversationState): Events => {
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

const recordDelivery = (c: RecordDelivery, state: ConversationState): Events => {
  const { open, message } = requireManagerMessage(state, c.messageId);
  if (message.delivery.status === 'delivered') return [];
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

const recordDeliveryFailure = (c: RecordDeliveryFailure, state: ConversationState): Events => {
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

const retryMessage = (c: RetryMessage, state: ConversationState): Events => {
  const { open, message } = requireManagerMessage(state, c.messageId);
  if (message.delivery.status !== 'failed') {
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

const markMessageSent = (c: MarkMessageSent, state: ConversationState): Events => {
  const { open, message } = requireManagerMessage(state, c.messageId);
  if (message.delivery.status !== 'failed' || message.delivery.code !== UNCONFIRMED_DELIVERY) {
    throw new DomainRuleViolation(
      'message.not_unconfirmed',
      'Only a message whose delivery was not confirmed can be marked sent: this one ' +
        (message.delivery.status === 'failed'
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

const markRead = (c: MarkRead, state: ConversationState): Events => {
  const open = requireOpen(state);
  if (open.unread === 0) return [];
  return [
    {
      type: 'Conversation.MarkedRead',
      data: { conversationId: open.conversationId, managerId: c.managerId, readAt: c.readAt },
    },
  ];
};

const requireOpen = (state: ConversationState, conversationId?: string): OpenConversation => {
  if (state.status === 'open') return state;
  throw new DomainRuleViolation(
    'conversation.not_found',
    conversationId
      ? `There is no conversation ${conversationId}: the client has not written yet.`
      : 'There is no such conversation: the client has not written yet.',
  );
};

const requireManagerMessage = (
  state: ConversationState,
  messageId: string,
): { open: OpenConversation; message: RecordedManagerMessage } => {
  const message = state.status === 'open' ? recordedMessage(state, messageId) : undefined;
  if (state.status !== 'open' || message?.direction !== 'manager') {
    throw new DomainRuleViolation(
      'message.not_found',
      `There is no outgoing message ${messageId} in this conversation.`,
    );
  }
  return { open: state, message };
};

const recordedMessage = (open: OpenConversation, messageId: string) =>
  Object.hasOwn(open.messages, messageId) ? open.messages[messageId] : undefined;

const requireSendable = (content: MessageContent): void => {
  switch (content.kind) {
    case 'text':
      if (content.text.trim().length > 0) return;
      throw new DomainRuleViolation(
        'message.empty',
        'The message is empty: write some text first.',
      );
    case 'unsupported':
      throw new DomainRuleViolation(
        'message.not_sendable',
        `A manager cannot send an unsupported message (${content.unsupportedKind}): write text.`,
      );
    default:
      // Media, stickers, locations, ... are the client's side here: sending them is outbound's.
      throw new DomainRuleViolation(
        'message.not_sendable',
        `A manager cannot send a message of kind ${content.kind} here: write text.`,
      );
  }
};

const evolve = (state: ConversationState, event: ConversationDecidedEvent): ConversationState => {
  switch (event.type) {
    case 'Conversation.Started':
      return {
        status: 'open',
        conversationId: event.data.conversationId,
        source: event.data.source,
        client: event.data.client,
        messages: {},
        unread: 0,
        bot: { status: 'member' },
      };
    case 'Conversation.ClientMessageReceived': {
      const { messageId, externalMessageId, clientOrder, placedAt, sentAt, content } =
        clientMessageReceivedData(event.data);
      const message: RecordedClientMessage = {
        direction: 'client',
        externalMessageId,
        clientOrder,
        placedAt,
        sentAt,
        current: { content, at: sentAt },
        editIds: [],
        media: 'none',
      };
      return whenOpen(state, (open) => ({
        ...open,
        messages: { ...open.messages, [messageId]: message },
        unread: open.unread + 1,
      }));
    }
    case 'Conversation.ClientMessageEdited': {
      const d = event.data;
      return whenOpen(state, (open) => {
        const known = recordedMessage(open, d.messageId);
        const message: RecordedClientMessage = {
          direction: 'client',
          externalMessageId: d.externalMessageId,
          clientOrder: d.clientOrder,
          placedAt: d.placedAt,
          sentAt: d.sentAt,
          current: { content: d.content, at: d.editedAt },
          editIds: [...(known?.direction === 'client' ? known.editIds : []), d.editId],
          media: known?.direction === 'client' ? known.media : 'none',
        };
        return { ...open, messages: { ...open.messages, [d.messageId]: message } };
      });
    }
    case 'Conversation.ClientBlockedBot':
      return whenOpen(state, (open) => ({
        ...open,
        bot: { status: 'blocked', since: event.data.blockedAt },
      }));
    case 'Conversation.ClientUnblockedBot':
      return whenOpen(state, (open) => ({ ...open, bot: { status: 'member' } }));
    case 'Conversation.ClientMediaFetched':
    case 'Conversation.ClientMediaFetchFailed': {
      const { messageId } = event.data;
      const media = event.type === 'Conversation.ClientMediaFetched' ? 'fetched' : 'failed';
      return whenOpen(state, (open) => {
        const message = recordedMessage(open, messageId);
        if (message?.direction !== 'client') return open;
        return { ...open, messages: { ...open.messages, [messageId]: { ...message, media } } };
      });
    }
    case 'Conversation.ManagerMessageQueued': {
      const { messageId, content } = event.data;
      return whenOpen(state, (open) => ({
        ...open,
        messages: {
          ...open.messages,
          [messageId]: {
            direction: 'manager',
            content,
            delivery: { status: 'sending' },
            failures: 0,
          },
        },
      }));
    }
    case 'Conversation.MessageDelivered':
    case 'Conversation.MessageMarkedSent':
      return whenOpen(state, (open) =>
        withDelivery(open, event.data.messageId, { status: 'delivered' }),
      );
    case 'Conversation.MessageDeliveryFailed': {
      const { messageId, code } = event.data;
      return whenOpen(state, (open) =>
        withDelivery(open, messageId, { status: 'failed', code }, 1),
      );
    }
    case 'Conversation.ManagerMessageRequeued':
      return whenOpen(state, (open) =>
        withDelivery(open, event.data.messageId, { status: 'sending' }),
      );
    case 'Conversation.MarkedRead':
      return whenOpen(state, (open) => ({ ...open, unread: 0 }));
    default:
      return assertNever(event, 'conversation event');
  }
};

/** Events after Started only ever follow it in the stream; anything else leaves state alone. */
const whenOpen = (
  state: ConversationState,
  change: (open: OpenConversation) => OpenConversation,
): ConversationState => (state.status === 'open' ? change(state) : state);

/** A manager message's new delivery state (and one more failure, for a failure). */
const withDelivery = (
  open: OpenConversation,
  messageId: string,
  delivery: ManagerMessageDelivery,
  failed: 0 | 1 = 0,
): OpenConversation => {
  const message = recordedMessage(open, messageId);
  if (message?.direction !== 'manager') return open;
  return {
    ...open,
    messages: {
      ...open.messages,
      [messageId]: { ...message, delivery, failures: message.failures + failed },
    },
  };
};
