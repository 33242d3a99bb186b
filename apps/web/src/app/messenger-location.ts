import type { ChatListFilters } from '@parley/contracts';
import { filtersFromParams, writeFilterParams } from '../chat-list/chat-list-filters';
import {
  CHAT_TABS_SHOWN,
  DEFAULT_CHAT_LIST_VIEW,
  type ChatListView,
} from '../chat-list/chat-list-view';

/**
 * What the messenger shows, kept in the address's query string (issue 11) so a reload or a
 * shared link shows the same: the quick tab, the archive toggle, the filters, the search box's
 * text and the open conversation.
 */
export interface MessengerLocation {
  readonly view: ChatListView;
  readonly filters: ChatListFilters;
  /** The search box's text; the list shows search results while it is not blank. */
  readonly search: string;
  readonly openChatId: string | null;
}

export const DEFAULT_MESSENGER_LOCATION: MessengerLocation = {
  view: DEFAULT_CHAT_LIST_VIEW,
  filters: {},
  search: '',
  openChatId: null,
};

const tabFrom = (value: string | null): ChatListView['tab'] =>
  CHAT_TABS_SHOWN.find((tab) => tab === value) ?? DEFAULT_CHAT_LIST_VIEW.tab;

/** Reads `location.search` (with or without its `?`); anything not understood is the default. */
export const messengerLocationFromSearch = (search: string): MessengerLocation => {
  const params = new URLSearchParams(search);
  const chat = params.get('chat');
  return {
    view: { tab: tabFrom(params.get('tab')), archived: params.get('archived') === 'true' },
    filters: filtersFromParams(params),
    search: params.get('q') ?? '',
    openChatId: chat === null || chat === '' ? null : chat,
  };
};

/** The query string for a location (`?...`), empty for the default one. */
export const messengerLocationSearch = (location: MessengerLocation): string => {
  const params = new URLSearchParams();
  if (location.search !== '') params.set('q', location.search);
  if (location.view.tab !== DEFAULT_CHAT_LIST_VIEW.tab) params.set('tab', location.view.tab);
  if (location.view.archived) params.set('archived', 'true');
  writeFilterParams(params, location.filters);
  if (location.openChatId !== null) params.set('chat', location.openChatId);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
};
