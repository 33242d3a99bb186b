import type { MarkRead } from './conversation-commands';
import { requireOpen, type DecidedEvents } from './conversation-rules';
import type { ConversationState } from './conversation-state';

/** A manager read the conversation (B6): nothing to mark when nothing is unread. */
export const markRead = (c: MarkRead, state: ConversationState): DecidedEvents => {
  const open = requireOpen(state);
  if (open.unread === 0) return [];
  return [
    {
      type: 'Conversation.MarkedRead',
      data: { conversationId: open.conversationId, managerId: c.managerId, readAt: c.readAt },
    },
  ];
};
