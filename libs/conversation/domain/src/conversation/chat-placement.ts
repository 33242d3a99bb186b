import { assertNever } from '@parley/decider';
import type { PlaceChat } from './conversation-commands';
import { requireOpen, type DecidedEvents } from './conversation-rules';
import type { ConversationState } from './conversation-state';

/**
 * Archive, unarchive, pin or unpin the chat, ignore the client or stop ignoring them (L4, L8).
 * The conversation must exist; a chat already where it is asked to be emits nothing, so a
 * second click or a robot that runs twice adds nothing to the timeline. Archiving keeps the pin:
 * an archived pinned chat is pinned again when it comes back. Ignoring keeps both the pin and
 * the archive: unignored, the chat is where it was.
 */
export const placeChat = (c: PlaceChat, state: ConversationState): DecidedEvents => {
  const open = requireOpen(state);
  const { conversationId } = open;
  switch (c.placement) {
    case 'archive':
      return open.archived
        ? []
        : [{ type: 'Conversation.Archived', data: { conversationId, archivedAt: c.at } }];
    case 'unarchive':
      return open.archived
        ? [{ type: 'Conversation.Unarchived', data: { conversationId, unarchivedAt: c.at } }]
        : [];
    case 'pin':
      return open.pinned
        ? []
        : [{ type: 'Conversation.Pinned', data: { conversationId, pinnedAt: c.at } }];
    case 'unpin':
      return open.pinned
        ? [{ type: 'Conversation.Unpinned', data: { conversationId, unpinnedAt: c.at } }]
        : [];
    case 'ignore':
      return open.ignored
        ? []
        : [{ type: 'Conversation.Ignored', data: { conversationId, ignoredAt: c.at } }];
    case 'unignore':
      return open.ignored
        ? [{ type: 'Conversation.Unignored', data: { conversationId, unignoredAt: c.at } }]
        : [];
    default:
      return assertNever(c.placement, 'chat placement');
  }
};
