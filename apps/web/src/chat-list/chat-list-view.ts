import type { ChatListFilters, ChatTab } from '@parley/contracts';
import { writeFilterParams } from './chat-list-filters';

/**
 * The chat list's quick tabs in the order they are shown (L8); a copy of the contracts'
 * `CHAT_TABS` (the web app imports types only), kept equal by its spec.
 */
export const CHAT_TABS_SHOWN: readonly ChatTab[] = ['all', 'pinned', 'manual', 'auto', 'ignored'];

/** Which chats the list shows: a quick tab (L8), archived ones or the others (L4). */
export interface ChatListView {
  readonly tab: ChatTab;
  readonly archived: boolean;
}

export const DEFAULT_CHAT_LIST_VIEW: ChatListView = { tab: 'all', archived: false };

const queryString = (params: URLSearchParams): string => {
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
};

/**
 * The list's query string for a view, its filters (issue 11) and the page after `cursor`; the
 * default view without filters asks for nothing.
 */
export const chatListQuery = (
  view: ChatListView,
  filters: ChatListFilters = {},
  cursor?: string,
): string => {
  const params = new URLSearchParams();
  if (view.tab !== 'all') params.set('tab', view.tab);
  if (view.archived) params.set('archived', 'true');
  writeFilterParams(params, filters);
  if (cursor !== undefined) params.set('cursor', cursor);
  return queryString(params);
};

/** The tab counts' query string: archived ones or the others, with the same filters. */
export const chatTabsQuery = (archived: boolean, filters: ChatListFilters = {}): string => {
  const params = new URLSearchParams();
  if (archived) params.set('archived', 'true');
  writeFilterParams(params, filters);
  return queryString(params);
};

/**
 * Where a chat can be put (L4, L8, L9): the gateway's route of each. `unread` marks it unread
 * until somebody reads it again.
 */
export type ChatPlacement =
  'archive' | 'unarchive' | 'pin' | 'unpin' | 'ignore' | 'unignore' | 'unread';
