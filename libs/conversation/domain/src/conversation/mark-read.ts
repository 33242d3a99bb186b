import type { MarkRead, MarkUnread } from './conversation-commands';
import { requireOpen, type DecidedEvents } from './conversation-rules';
import type { ConversationState } from './conversation-state';

/**
 * A manager read the conversation (B6): nothing to mark when nothing is unread, neither client
 * messages nor a manager's unread mark (L9), which reading clears.
 */
export const markRead = (c: MarkRead, state: ConversationState): DecidedEvents => {
  const open = requireOpen(state);
  if (open.unread === 0 && !open.markedUnread) return [];
  return [
    {
      type: 'Conversation.MarkedRead',
      data: { conversationId: open.conversationId, managerId: c.managerId, readAt: c.readAt },
    },
  ];
};

/**
 * A manager marks the chat unread (L9), to come back to it. A chat that is unread already (client
 * messages not read, or marked before) emits nothing: the mark would change nothing it shows.
 */
export const markUnread = (c: MarkUnread, state: ConversationState): DecidedEvents => {
  const open = requireOpen(state);
  if (open.unread > 0 || open.markedUnread) return [];
  return [
    {
      type: 'Conversation.MarkedUnread',
      data: { conversationId: open.conversationId, markedUnreadAt: c.at },
    },
  ];
};
