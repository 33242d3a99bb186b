import { clientMessageReceivedData } from '@parley/contracts';
import { assertNever } from '@parley/decider';
import type { ConversationDecidedEvent } from './conversation-decided-events';
import { recordedMessage } from './conversation-rules';
import type {
  ConversationState,
  ManagerMessageDelivery,
  OpenConversation,
  RecordedClientMessage,
} from './conversation-state';

/** The conversation's state after one more of its events. */
export const evolve = (
  state: ConversationState,
  event: ConversationDecidedEvent,
): ConversationState => {
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
        archived: false,
        pinned: false,
        ignored: false,
        markedUnread: false,
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
        // The client wrote: an archived chat is back in the list (L4), unless the client is
        // ignored (L8): their messages raise no alert.
        archived: open.ignored ? open.archived : false,
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
        withDelivery(open, event.data.messageId, { status: 'sent' }),
      );
    case 'Conversation.MessageDeliveryFailed': {
      const { messageId, code } = event.data;
      return whenOpen(state, (open) => withDelivery(open, messageId, { status: 'error', code }, 1));
    }
    case 'Conversation.ManagerMessageRequeued':
      return whenOpen(state, (open) =>
        withDelivery(open, event.data.messageId, { status: 'sending' }),
      );
    case 'Conversation.MarkedRead':
      return whenOpen(state, (open) => ({ ...open, unread: 0, markedUnread: false }));
    case 'Conversation.MarkedUnread':
      return whenOpen(state, (open) => ({ ...open, markedUnread: true }));
    case 'Conversation.Archived':
      return whenOpen(state, (open) => ({ ...open, archived: true }));
    case 'Conversation.Unarchived':
      return whenOpen(state, (open) => ({ ...open, archived: false }));
    case 'Conversation.Pinned':
      return whenOpen(state, (open) => ({ ...open, pinned: true }));
    case 'Conversation.Unpinned':
      return whenOpen(state, (open) => ({ ...open, pinned: false }));
    case 'Conversation.Ignored':
      return whenOpen(state, (open) => ({ ...open, ignored: true }));
    case 'Conversation.Unignored':
      return whenOpen(state, (open) => ({ ...open, ignored: false }));
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
