import type { ChatListItem, ChatTabCounts } from '@parley/contracts';
import { useEffect, useMemo, useState } from 'react';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';
import { ChatListEntry } from './ChatListEntry';
import { ChatListTabs } from './ChatListTabs';
import type { ChatListView } from './chat-list-view';
import { sortChatsByActivity } from './chat-order';
import './chat-list.css';

/** How often the "today / earlier" time labels are re-evaluated (not a data poll). */
const CLOCK_TICK_MS = 60_000;

const isDefaultView = (view: ChatListView): boolean => view.tab === 'all' && !view.archived;

/**
 * The left column: the conversations of a view (a quick tab, archived or not: L4, L8), most
 * recent activity first (L1, L5, L6).
 */
export function ChatList(props: {
  chats: readonly ChatListItem[] | undefined;
  /** The quick tab and archive toggle (L4, L8), and each tab's count. */
  view: ChatListView;
  counts: ChatTabCounts | undefined;
  onViewChange: (view: ChatListView) => void;
  error: unknown;
  selectedId: string | null;
  onSelect: (conversationId: string) => void;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const now = useMinuteClock();
  const sorted = useMemo(() => sortChatsByActivity(props.chats ?? []), [props.chats]);

  return (
    <nav className="chat-list" aria-label={t('chatList.title')}>
      <h2 className="panel-title">{t('chatList.title')}</h2>
      <ChatListTabs view={props.view} counts={props.counts} onChange={props.onViewChange} />
      {props.error !== undefined && (
        <p className="panel-error" role="alert">
          {t('error.loadFailed', { message: describeError(props.error, t) })}{' '}
          <button type="button" className="link-button" onClick={props.onRetry}>
            {t('action.retry')}
          </button>
        </p>
      )}
      {props.chats === undefined && props.error === undefined && (
        <p className="panel-note">{t('app.loading')}</p>
      )}
      {props.chats !== undefined && sorted.length === 0 && (
        <p className="panel-note">
          {isDefaultView(props.view) ? t('chatList.empty') : t('chatList.emptyTab')}
        </p>
      )}
      <ul className="chat-list__items" data-testid="chat-list">
        {sorted.map((chat) => (
          <ChatListEntry
            key={chat._id}
            chat={chat}
            selected={chat._id === props.selectedId}
            now={now}
            onSelect={props.onSelect}
          />
        ))}
      </ul>
    </nav>
  );
}

function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), CLOCK_TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
