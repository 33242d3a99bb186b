import type { PlaceChat } from '../conversation/conversation-commands';
import type { ConversationDecidedEvent } from '../conversation/conversation-decided-events';
import { client, conversationId, source } from './telegram-chat';

/*
 * Where managers and robots place Anna's open chat in the chat list (archive, pin, ignore: L4,
 * L8), for the decider specs of those commands. Every placement is asked at `askedAt`, so a
 * spec can name the event it expects once and compare with it.
 * Not exported from the library: specs import it by path.
 */

/** When every placement (and every mark) is asked: after the start, before the next message. */
export const askedAt = '2026-01-01T11:00:00.000Z';

/** The chat began an hour before anything is placed. */
export const started: ConversationDecidedEvent = {
  type: 'Conversation.Started',
  data: { conversationId, source, client, startedAt: '2026-01-01T10:00:00.000Z' },
};

/** Anna writes again after the placements: the message that brings an archived chat back. */
export const clientMessageReceived = (
  messageId: string,
  clientOrder: number,
): ConversationDecidedEvent => ({
  type: 'Conversation.ClientMessageReceived',
  data: {
    conversationId,
    messageId,
    externalMessageId: `ext-${messageId}`,
    content: { kind: 'text', text: 'Still there?' },
    sentAt: '2026-01-01T12:00:00.000Z',
    clientOrder,
    placedAt: '2026-01-01T12:00:00.000Z',
  },
});

/** A manager asks to place the chat. */
export const place = (placement: PlaceChat['placement']): PlaceChat => ({
  kind: 'PlaceChat',
  placement,
  at: askedAt,
});

/**
 * What the decider emits for each placement of a chat not placed so yet, fields in the order it
 * writes them (the decider specification compares events as JSON).
 */
const placedEvents: { readonly [P in PlaceChat['placement']]: ConversationDecidedEvent } = {
  archive: { type: 'Conversation.Archived', data: { conversationId, archivedAt: askedAt } },
  unarchive: { type: 'Conversation.Unarchived', data: { conversationId, unarchivedAt: askedAt } },
  pin: { type: 'Conversation.Pinned', data: { conversationId, pinnedAt: askedAt } },
  unpin: { type: 'Conversation.Unpinned', data: { conversationId, unpinnedAt: askedAt } },
  ignore: { type: 'Conversation.Ignored', data: { conversationId, ignoredAt: askedAt } },
  unignore: { type: 'Conversation.Unignored', data: { conversationId, unignoredAt: askedAt } },
};

/** The event `place(placement)` gives a chat that is not placed so yet. */
export const placed = (placement: PlaceChat['placement']): ConversationDecidedEvent =>
  placedEvents[placement];
