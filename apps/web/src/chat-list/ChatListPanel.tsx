import type {
  ChatListFilters,
  ChatTabCounts,
  ChatView,
  SaveChatViewRequest,
  SearchHit,
  SearchResults as Results,
  Tag,
  WorkspaceUserView,
} from '@parley/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { ChatSearchBox } from '../chat-search/ChatSearchBox';
import { SearchResults } from '../chat-search/SearchResults';
import { useDebounced } from '../chat-search/use-debounced';
import { ChatFilterBar } from './ChatFilterBar';
import { ChatList } from './ChatList';
import { ChatListTabs } from './ChatListTabs';
import { ChatViewPicker } from './ChatViewPicker';
import type { ChatListView } from './chat-list-view';
import type { ChatViewSelection } from './chat-views';
import type { ChatPages } from './use-chat-pages';
import './chat-list.css';

/** A pause in typing this long starts a search. */
const SEARCH_DEBOUNCE_MS = 250;

/**
 * The left column (L1–L9, issue 11): the search box, saved views, quick tabs with counts and
 * the archive toggle, the filters, and the chat list, or the search's hits while the box has
 * text.
 */
export function ChatListPanel(props: {
  view: ChatListView;
  filters: ChatListFilters;
  search: string;
  onSearchChange: (search: string) => void;
  onShow: (selection: ChatViewSelection) => void;
  pages: ChatPages;
  counts: ChatTabCounts | undefined;
  tags: readonly Tag[] | undefined;
  users: readonly WorkspaceUserView[] | undefined;
  views: readonly ChatView[] | undefined;
  onSaveView: (view: SaveChatViewRequest) => Promise<void>;
  onDeleteView: (viewId: string) => Promise<void>;
  runSearch: (query: string, limit: number) => Promise<Results>;
  onOpenHit: (hit: SearchHit) => void;
  selectedId: string | null;
  onSelect: (conversationId: string) => void;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const { view, filters } = props;
  const query = useDebounced(props.search.trim(), SEARCH_DEBOUNCE_MS);
  const searching = props.search.trim() !== '';
  const shown = { view, filters };

  return (
    <nav className="chat-list" aria-label={t('chatList.title')}>
      <h2 className="panel-title">{t('chatList.title')}</h2>
      <ChatSearchBox value={props.search} onChange={props.onSearchChange} />
      {searching ? (
        <SearchResults
          query={query}
          search={props.runSearch}
          selectedId={props.selectedId}
          onOpen={props.onOpenHit}
        />
      ) : (
        <>
          <ChatViewPicker
            views={props.views}
            shown={shown}
            onChoose={props.onShow}
            onSave={props.onSaveView}
            onDelete={props.onDeleteView}
          />
          <ChatListTabs
            view={view}
            counts={props.counts}
            onChange={(next) => props.onShow({ view: next, filters })}
          />
          <ChatFilterBar
            filters={filters}
            onChange={(next) => props.onShow({ view, filters: next })}
            tags={props.tags}
            users={props.users}
          />
          <ChatList
            chats={props.pages.chats}
            hasMore={props.pages.hasMore}
            onLoadMore={props.pages.loadMore}
            everything={view.tab === 'all' && !view.archived && Object.keys(filters).length === 0}
            error={props.pages.error}
            selectedId={props.selectedId}
            onSelect={props.onSelect}
            onRetry={props.onRetry}
          />
        </>
      )}
    </nav>
  );
}
