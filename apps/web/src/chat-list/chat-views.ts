import type { ChatListFilters, ChatView } from '@parley/contracts';
import type { MessageKey } from '../i18n/en';
import { sameFilters } from './chat-list-filters';
import type { ChatListView } from './chat-list-view';

/** What a view sets: a quick tab, the archive toggle and filters. */
export interface ChatViewSelection {
  readonly view: ChatListView;
  readonly filters: ChatListFilters;
}

/** The saved or built-in view the list shows now, if any: same tab, toggle and filters. */
export const matchingChatView = (
  views: readonly ChatView[],
  shown: ChatViewSelection,
): ChatView | undefined =>
  views.find(
    (view) =>
      view.tab === shown.view.tab &&
      view.archived === shown.view.archived &&
      sameFilters(view.filters, shown.filters),
  );

/** What choosing a view shows. */
export const chatViewSelection = (view: ChatView): ChatViewSelection => ({
  view: { tab: view.tab, archived: view.archived },
  filters: view.filters,
});

/** The built-in views the web app names in the interface's language; others by their name. */
const BUILT_IN_VIEW_NAMES: Readonly<Record<string, MessageKey>> = {
  mine: 'chatViews.builtIn.mine',
  unassigned: 'chatViews.builtIn.unassigned',
  'line-2': 'chatViews.builtIn.line-2',
};

/** A view's name as shown: a built-in one translated, a saved one as its owner wrote it. */
export const chatViewName = (view: ChatView, t: (key: MessageKey) => string): string => {
  const key = view.builtIn ? BUILT_IN_VIEW_NAMES[view.viewId] : undefined;
  return key === undefined ? view.name : t(key);
};
