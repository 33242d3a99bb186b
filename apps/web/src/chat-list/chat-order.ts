import type { ChatListItem } from '@parley/contracts';

/** Most recent activity first (L6); ties by id so the order never flickers. */
export const sortChatsByActivity = (chats: readonly ChatListItem[]): ChatListItem[] =>
  [...chats].sort((a, b) => {
    const byTime = Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt);
    if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
    return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
  });
