import { aChat } from './chat-list-fixtures';
import { compareChatsByActivity } from './chat-order';

const sorted = (chats: ReturnType<typeof aChat>[]) => [...chats].sort(compareChatsByActivity);

describe('compareChatsByActivity', () => {
  it('given chats in any order, then the most recent activity comes first', () => {
    const chats = [
      aChat({ _id: 'old', lastActivityAt: '2026-11-20T10:00:00.000Z' }),
      aChat({ _id: 'new', lastActivityAt: '2026-11-25T10:00:00.000Z' }),
      aChat({ _id: 'mid', lastActivityAt: '2026-11-22T10:00:00.000Z' }),
    ];
    expect(sorted(chats).map((chat) => chat._id)).toEqual(['new', 'mid', 'old']);
  });

  it('given equal times, then orders by id descending as the gateway pages', () => {
    const at = '2026-11-25T10:00:00.000Z';
    const chats = [
      aChat({ _id: 'a', lastActivityAt: at }),
      aChat({ _id: 'b', lastActivityAt: at }),
    ];
    expect(sorted(chats).map((chat) => chat._id)).toEqual(['b', 'a']);
  });
});
