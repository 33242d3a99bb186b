import { forwardRef, useEffect, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { Virtuoso, type ItemProps, type VirtuosoHandle } from 'react-virtuoso';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';
import { ActionEntry } from './ActionEntry';
import { NoteCard } from './NoteCard';
import { MessageBubble } from './MessageBubble';
import type { FailedMessageActions } from './FailedDeliveryActions';
import { pendingContent, type ShownTimelineEntry } from './pending-messages';
import './timeline.css';

/** How long a search hit stays marked after the timeline scrolled to it. */
const HIGHLIGHT_MS = 4_000;

/** When to scroll to a search hit after its page arrived (see the effect). */
const SEEK_SCROLL_DELAYS_MS = [50, 250, 600];

/** Rendered beyond the visible area, in pixels, so a short chat is in the page whole. */
const OVERSCAN_PX = 1_200;

const entryKey = (entry: ShownTimelineEntry): string =>
  entry.source === 'pending' ? `pending:${entry.pending.messageId}` : entry.item._id;

const TimelineList = forwardRef<HTMLOListElement, ComponentPropsWithoutRef<'ol'>>(
  function TimelineList(props, ref) {
    return (
      <ol
        {...props}
        ref={ref}
        className="timeline__items"
        data-testid="timeline"
        aria-live="polite"
      />
    );
  },
);

function TimelineSlot({
  item: _item,
  context: _context,
  ...props
}: ItemProps<ShownTimelineEntry> & { context?: unknown }) {
  return <li {...props} className="timeline__slot" />;
}

const TimelineEdge = () => <div className="timeline__edge" />;

const components = {
  List: TimelineList,
  Item: TimelineSlot,
  Header: TimelineEdge,
  Footer: TimelineEdge,
};

/**
 * The centre column's history (C3, C4): oldest first, opened at the newest, virtualised; older
 * pages load as the manager scrolls up, put above without moving what they read (C5).
 */
export function Timeline(props: {
  conversationId: string;
  entries: readonly ShownTimelineEntry[] | undefined;
  /** The virtual index of `entries[0]`: lower after older pages were put above. */
  firstItemIndex: number;
  /** Asks for the page above; called as the top of the loaded part scrolls into view. */
  onLoadOlder: () => void;
  error: unknown;
  currentUserId: string | null;
  onRetry: () => void;
  failedMessageActions?: FailedMessageActions;
  /** Translate a client message again after a retryable failure (C2). */
  onRetryTranslation?: (messageId: string) => Promise<void>;
  /** A search hit's timeline item: scrolled to and marked once loaded (issue 11). */
  seek?: string | null;
  /** The hit was scrolled to (or will never be): the screen forgets it. */
  onSought?: () => void;
}) {
  const { t } = useI18n();
  const virtuoso = useRef<VirtuosoHandle>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const entries = props.entries;
  const lastIsPending = entries?.at(-1)?.source === 'pending';
  const sendingNow = useRef(lastIsPending);
  sendingNow.current = lastIsPending;

  const seek = props.seek ?? null;
  const onSought = useRef(props.onSought);
  onSought.current = props.onSought;
  const seekIndex = seek === null || !entries ? -1 : entries.findIndex((e) => entryKey(e) === seek);
  const latestEntries = useRef(entries);
  latestEntries.current = entries;
  useEffect(() => {
    if (seek === null || seekIndex < 0) return;
    setHighlighted(seek);
    onSought.current?.();
  }, [seek, seekIndex]);

  // Scrolls to the hit, again as the rows put above are measured (Virtuoso keeps what was on
  // screen in place while it learns their heights, which can undo one early scroll); unmarks
  // it after a moment.
  useEffect(() => {
    if (highlighted === null) return;
    const scroll = () => {
      const index = latestEntries.current?.findIndex((e) => entryKey(e) === highlighted) ?? -1;
      if (index >= 0) virtuoso.current?.scrollToIndex({ index, align: 'center' });
    };
    const timers = [
      ...SEEK_SCROLL_DELAYS_MS.map((delay) => window.setTimeout(scroll, delay)),
      window.setTimeout(() => setHighlighted(null), HIGHLIGHT_MS),
    ];
    return () => timers.forEach((timer) => window.clearTimeout(timer));
  }, [highlighted]);

  return (
    <div className="timeline">
      {props.error !== undefined && (
        <p className="panel-error" role="alert">
          {t('error.loadFailed', { message: describeError(props.error, t) })}{' '}
          <button type="button" className="link-button" onClick={props.onRetry}>
            {t('action.retry')}
          </button>
        </p>
      )}
      {entries === undefined && props.error === undefined && (
        <p className="panel-note">{t('app.loading')}</p>
      )}
      {entries !== undefined && entries.length === 0 && (
        <p className="panel-note">{t('timeline.empty')}</p>
      )}
      {entries !== undefined && (
        <Virtuoso
          key={props.conversationId}
          ref={virtuoso}
          className="timeline__scroller"
          data={entries}
          firstItemIndex={props.firstItemIndex}
          initialTopMostItemIndex={Math.max(0, entries.length - 1)}
          computeItemKey={(_, entry) => entryKey(entry)}
          startReached={props.onLoadOlder}
          followOutput={(atBottom) => (atBottom || sendingNow.current ? 'auto' : false)}
          increaseViewportBy={OVERSCAN_PX}
          components={components}
          context={highlighted}
          itemContent={(_, entry, marked) =>
            entry.source === 'pending' ? (
              <MessageBubble
                conversationId={props.conversationId}
                messageId={entry.pending.messageId}
                direction="out"
                content={pendingContent(entry.pending)}
                delivery={{ status: 'sending' }}
                at={entry.pending.at}
                pending
              />
            ) : entry.item.item.kind === 'message' ? (
              <MessageBubble
                messageId={entry.item.item.messageId}
                conversationId={entry.item.conversationId}
                media={entry.item.item.media}
                direction={entry.item.item.direction}
                content={entry.item.item.content}
                delivery={entry.item.item.delivery}
                at={entry.item.at}
                edited={entry.item.item.edited}
                failedMessageActions={props.failedMessageActions}
                translation={entry.item.translation}
                language={entry.item.language}
                onRetryTranslation={props.onRetryTranslation}
                highlighted={marked === entry.item._id}
              />
            ) : entry.item.item.kind === 'note' ? (
              <NoteCard note={entry.item.item} at={entry.item.at} />
            ) : (
              <ActionEntry
                action={entry.item.item}
                actor={entry.item.actor}
                at={entry.item.at}
                currentUserId={props.currentUserId}
              />
            )
          }
        />
      )}
    </div>
  );
}
