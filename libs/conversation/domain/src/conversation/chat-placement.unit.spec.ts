import type { ChannelClient, TelegramSource } from '@parley/contracts';
import { deciderSpecification, foldEvents } from '@parley/decider';
import type { PlaceChat } from './conversation-commands';
import type { ConversationDecidedEvent } from './conversation-decided-events';
import { conversationDecider } from './conversation-decider';

const conversationId = 'ws1:tg:111:987';
const source: TelegramSource = { channel: 'telegram', botId: '111', chatId: '987' };
const client: ChannelClient = {
  externalId: '987',
  username: 'anna',
  firstName: 'Anna',
  lastName: null,
  languageCode: 'es',
};
const at = '2026-01-01T11:00:00.000Z';

const started: ConversationDecidedEvent = {
  type: 'Conversation.Started',
  data: { conversationId, source, client, startedAt: '2026-01-01T10:00:00.000Z' },
};
const received: ConversationDecidedEvent = {
  type: 'Conversation.ClientMessageReceived',
  data: {
    conversationId,
    messageId: 'm2',
    externalMessageId: 'ext-m2',
    content: { kind: 'text', text: 'Still there?' },
    sentAt: '2026-01-01T12:00:00.000Z',
    clientOrder: 2,
    placedAt: '2026-01-01T12:00:00.000Z',
  },
};
const place = (placement: PlaceChat['placement']): PlaceChat => ({
  kind: 'PlaceChat',
  placement,
  at,
});
const archived: ConversationDecidedEvent = {
  type: 'Conversation.Archived',
  data: { conversationId, archivedAt: at },
};
const unarchived: ConversationDecidedEvent = {
  type: 'Conversation.Unarchived',
  data: { conversationId, unarchivedAt: at },
};
const pinned: ConversationDecidedEvent = {
  type: 'Conversation.Pinned',
  data: { conversationId, pinnedAt: at },
};
const unpinned: ConversationDecidedEvent = {
  type: 'Conversation.Unpinned',
  data: { conversationId, unpinnedAt: at },
};

describe('Conversation decider: archive and pin (L4, L8)', () => {
  const spec = deciderSpecification(conversationDecider);

  it('given an open chat, when it is archived, then Archived; archived again, then nothing', () => {
    spec.given([started]).when(place('archive')).then([archived]);
    spec.given([started, archived]).when(place('archive')).then([]);
  });

  it('given an archived chat, when it is unarchived, then Unarchived; a chat in the list, then nothing', () => {
    spec.given([started, archived]).when(place('unarchive')).then([unarchived]);
    spec.given([started]).when(place('unarchive')).then([]);
    spec.given([started, archived, unarchived]).when(place('unarchive')).then([]);
  });

  it('given an open chat, when it is pinned and unpinned, then Pinned and Unpinned, each once', () => {
    spec.given([started]).when(place('pin')).then([pinned]);
    spec.given([started, pinned]).when(place('pin')).then([]);
    spec.given([started, pinned]).when(place('unpin')).then([unpinned]);
    spec.given([started]).when(place('unpin')).then([]);
  });

  it('given an archived chat, when the client writes, then it is back in the list: archiving works again', () => {
    const state = foldEvents(conversationDecider, [started, archived, received]);
    expect(state.status === 'open' && state.archived).toBe(false);
    spec.given([started, archived, received]).when(place('archive')).then([archived]);
    spec.given([started, archived, received]).when(place('unarchive')).then([]);
  });

  it('given an archived pinned chat, then it stays pinned', () => {
    const state = foldEvents(conversationDecider, [started, pinned, archived]);
    expect(state.status === 'open' && { archived: state.archived, pinned: state.pinned }).toEqual({
      archived: true,
      pinned: true,
    });
  });

  it('given no conversation, when anything is placed, then conversation.not_found', () => {
    for (const placement of ['archive', 'unarchive', 'pin', 'unpin'] as const) {
      spec.given([]).when(place(placement)).thenThrows('conversation.not_found');
    }
  });
});
