import { aChat } from './chat-list-fixtures';
import { sortChatsByActivity } from './chat-order';

describe('sortChatsByActivity', () => {
  it('given chats in any order, then the most recent activity comes first', () => {
    const chats = [
      aChat({ _id: 'old', lastActivityAt: '2026-11-20T10:00:00.000Z' }),
      aChat({ _id: 'new', lastActivityAt: '2026-11-25T10:00:00.000Z' }),
      aChat({ _id: 'mid', lastActivityAt: '2026-11-22T10:00:00.000Z' }),
    ];
    expect(sortChatsByActivity(chats).map((chat) => chat._id)).toEqual(['new', 'mid', 'old']);
  });

  it('given equal times, then orders by id and leaves the input untouched', () => {
    const at = '2026-11-25T10:00:00.000Z';
    const chats = [
      aChat({ _id: 'b', lastActivityAt: at }),
      aChat({ _id: 'a', lastActivityAt: at }),
    ];
    expect(sortChatsByActivity(chats).map((chat) => chat._id)).toEqual(['a', 'b']);
    expect(chats.map((chat) => chat._id)).toEqual(['b', 'a']);
  });
});
