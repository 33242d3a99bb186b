import type { ChatListItem } from '@parley/contracts';

/**
 * The gateway's order of the chat list (L6): most recent activity first, ties by id descending,
 * the order its cursor pages follow, so pages join without a seam.
 */
export const compareChatsByActivity = (a: ChatListItem, b: ChatListItem): number => {
  const byTime = Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a._id < b._id ? 1 : a._id > b._id ? -1 : 0;
};
