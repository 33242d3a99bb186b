import type { ChatListItem } from '@parley/contracts';
import { forwardRef, useEffect, useState, type ComponentPropsWithoutRef } from 'react';
import { Virtuoso, type ItemProps } from 'react-virtuoso';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';
import { ChatListEntry } from './ChatListEntry';
import './chat-list.css';

/** How often the "today / earlier" time labels are re-evaluated (not a data poll). */
const CLOCK_TICK_MS = 60_000;

/** Rows rendered beyond the visible area, in pixels: smooth scrolling, a short list whole. */
const OVERSCAN_PX = 800;

const ChatRows = forwardRef<HTMLUListElement, ComponentPropsWithoutRef<'ul'>>(
  function ChatRows(props, ref) {
    return <ul {...props} ref={ref} className="chat-list__rows" />;
  },
);

function ChatRow({
  item: _item,
  context: _context,
  ...props
}: ItemProps<ChatListItem> & { context?: unknown }) {
  return <li {...props} className="chat-list__row" />;
}

const components = { List: ChatRows, Item: ChatRow };

/**
 * The conversations of a view (a quick tab, archived or not, filters: L3, L4, L8), most recent
 * activity first (L1, L5, L6), virtualised: the next page loads as the end scrolls into view.
 */
export function ChatList(props: {
  chats: readonly ChatListItem[] | undefined;
  hasMore: boolean;
  onLoadMore: () => void;
  /** The unfiltered All tab: an empty list means no chats at all, not none here. */
  everything: boolean;
  error: unknown;
  selectedId: string | null;
  onSelect: (conversationId: string) => void;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const now = useMinuteClock();
  const { chats } = props;

  return (
    <>
      {props.error !== undefined && (
        <p className="panel-error" role="alert">
          {t('error.loadFailed', { message: describeError(props.error, t) })}{' '}
          <button type="button" className="link-button" onClick={props.onRetry}>
            {t('action.retry')}
          </button>
        </p>
      )}
      {chats === undefined && props.error === undefined && (
        <p className="panel-note">{t('app.loading')}</p>
      )}
      {chats !== undefined && chats.length === 0 && (
        <p className="panel-note">
          {props.everything ? t('chatList.empty') : t('chatList.emptyTab')}
        </p>
      )}
      <div className="chat-list__items" data-testid="chat-list" data-has-more={props.hasMore}>
        <Virtuoso
          className="chat-list__scroller"
          data={chats ?? []}
          computeItemKey={(_, chat) => chat._id}
          endReached={() => {
            if (props.hasMore) props.onLoadMore();
          }}
          increaseViewportBy={OVERSCAN_PX}
          components={components}
          itemContent={(_, chat) => (
            <ChatListEntry
              chat={chat}
              selected={chat._id === props.selectedId}
              now={now}
              onSelect={props.onSelect}
            />
          )}
        />
      </div>
    </>
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
