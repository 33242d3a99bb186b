import { deciderSpecification, foldEvents } from '@parley/decider';
import {
  askedAt,
  clientMessageReceived as received,
  place,
  placed,
  started,
} from '../testing/placed-chat';
import { conversationId } from '../testing/telegram-chat';
import type { MarkRead, MarkUnread } from './conversation-commands';
import type { ConversationDecidedEvent } from './conversation-decided-events';
import { conversationDecider } from './conversation-decider';

const ignored = placed('ignore');
const unignored = placed('unignore');
const archived = placed('archive');

const markUnread: MarkUnread = { kind: 'MarkUnread', at: askedAt };
const markRead: MarkRead = { kind: 'MarkRead', managerId: 'manager-1', readAt: askedAt };
const markedUnread: ConversationDecidedEvent = {
  type: 'Conversation.MarkedUnread',
  data: { conversationId, markedUnreadAt: askedAt },
};
const markedRead: ConversationDecidedEvent = {
  type: 'Conversation.MarkedRead',
  data: { conversationId, managerId: 'manager-1', readAt: askedAt },
};

describe('Conversation decider: the ignore list (L8)', () => {
  const spec = deciderSpecification(conversationDecider);

  it('given an open chat, when the client is ignored, then Ignored; ignored again, then nothing', () => {
    spec.given([started]).when(place('ignore')).then([ignored]);
    spec.given([started, ignored]).when(place('ignore')).then([]);
  });

  it('given an ignored client, when unignored, then Unignored; a client not ignored, then nothing', () => {
    spec.given([started, ignored]).when(place('unignore')).then([unignored]);
    spec.given([started]).when(place('unignore')).then([]);
    spec.given([started, ignored, unignored]).when(place('unignore')).then([]);
  });

  it('given an ignored client, when they write, then the message is kept and unread, the chat stays ignored and archived', () => {
    const state = foldEvents(conversationDecider, [started, archived, ignored, received('m1', 1)]);
    expect(
      state.status === 'open' && {
        ignored: state.ignored,
        archived: state.archived,
        unread: state.unread,
        messages: Object.keys(state.messages),
      },
    ).toEqual({ ignored: true, archived: true, unread: 1, messages: ['m1'] });
  });

  it('given a client no longer ignored, when they write, then an archived chat is back as before', () => {
    const state = foldEvents(conversationDecider, [
      started,
      archived,
      ignored,
      unignored,
      received('m1', 1),
    ]);
    expect(state.status === 'open' && state.archived).toBe(false);
  });

  it('given no conversation, when the client is ignored or unignored, then conversation.not_found', () => {
    spec.given([]).when(place('ignore')).thenThrows('conversation.not_found');
    spec.given([]).when(place('unignore')).thenThrows('conversation.not_found');
  });
});

describe('Conversation decider: mark unread (L9)', () => {
  const spec = deciderSpecification(conversationDecider);

  it('given a read chat, when a manager marks it unread, then MarkedUnread; marked again, then nothing', () => {
    spec.given([started]).when(markUnread).then([markedUnread]);
    spec
      .given([started, received('m1', 1), markedRead])
      .when(markUnread)
      .then([markedUnread]);
    spec.given([started, markedUnread]).when(markUnread).then([]);
  });

  it('given client messages not read yet, when marked unread, then nothing: it is unread already', () => {
    spec
      .given([started, received('m1', 1)])
      .when(markUnread)
      .then([]);
  });

  it('given a chat marked unread with nothing else unread, when it is read, then MarkedRead clears the mark', () => {
    spec.given([started, markedUnread]).when(markRead).then([markedRead]);
    const state = foldEvents(conversationDecider, [started, markedUnread, markedRead]);
    expect(state.status === 'open' && state.markedUnread).toBe(false);
    spec.given([started, markedUnread, markedRead]).when(markRead).then([]);
    spec.given([started, markedUnread, markedRead]).when(markUnread).then([markedUnread]);
  });

  it('given no conversation, when marked unread, then conversation.not_found', () => {
    spec.given([]).when(markUnread).thenThrows('conversation.not_found');
  });
});
