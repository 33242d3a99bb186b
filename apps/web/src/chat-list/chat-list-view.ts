import type { ChatTab } from '@parley/contracts';

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

/** The list's query string for a view; the default view asks for nothing. */
export const chatListQuery = (view: ChatListView): string => {
  const params = new URLSearchParams();
  if (view.tab !== 'all') params.set('tab', view.tab);
  if (view.archived) params.set('archived', 'true');
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
};

/** The tab counts' query string: archived ones or the others. */
export const chatTabsQuery = (archived: boolean): string => (archived ? '?archived=true' : '');

/** Where a chat can be put (L4, L8): the gateway's route of each. */
export type ChatPlacement = 'archive' | 'unarchive' | 'pin' | 'unpin';
