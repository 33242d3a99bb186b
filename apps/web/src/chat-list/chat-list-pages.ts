import type { ChatListItem, Page } from '@parley/contracts';
import { compareChatsByActivity } from './chat-order';

/** The chats loaded so far, page after page (L6), and where the next page starts. */
export interface LoadedChats {
  readonly items: readonly ChatListItem[];
  /** The next page's cursor; null when the list is loaded to its end. */
  readonly nextCursor: string | null;
}

/** The next page appended; a chat already shown is not repeated. */
export const withNextPage = (loaded: LoadedChats, page: Page<ChatListItem>): LoadedChats => {
  const shown = new Set(loaded.items.map((chat) => chat._id));
  return {
    items: [...loaded.items, ...page.items.filter((chat) => !shown.has(chat._id))],
    nextCursor: page.nextCursor,
  };
};

/**
 * A fresh first page (after a live change) over what was loaded: the first page replaces what
 * it covers, so chats that moved to the top, left the view or changed show as they are now;
 * chats loaded further down are kept, with the cursor after them, so the manager's scroll
 * position and the pages below stay.
 */
export const withFreshFirstPage = (loaded: LoadedChats, first: Page<ChatListItem>): LoadedChats => {
  const boundary = first.items.at(-1);
  if (first.nextCursor === null || boundary === undefined) return first;
  const inFirst = new Set(first.items.map((chat) => chat._id));
  const below = loaded.items.filter(
    (chat) => !inFirst.has(chat._id) && compareChatsByActivity(chat, boundary) > 0,
  );
  return below.length === 0
    ? first
    : { items: [...first.items, ...below], nextCursor: loaded.nextCursor };
};
