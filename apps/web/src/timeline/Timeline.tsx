import { useLayoutEffect, useRef } from 'react';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';
import { ActionEntry } from './ActionEntry';
import { NoteCard } from './NoteCard';
import { MessageBubble } from './MessageBubble';
import type { FailedMessageActions } from './FailedDeliveryActions';
import { pendingContent, type ShownTimelineEntry } from './pending-messages';
import './timeline.css';

/** The centre column's history (C3, C4): oldest first, scrolled to the newest. */
export function Timeline(props: {
  conversationId: string;
  entries: readonly ShownTimelineEntry[] | undefined;
  error: unknown;
  currentUserId: string | null;
  onRetry: () => void;
  failedMessageActions?: FailedMessageActions;
  /** Translate a client message again after a retryable failure (C2). */
  onRetryTranslation?: (messageId: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const count = props.entries?.length ?? 0;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [count]);

  return (
    <div className="timeline" ref={scroller}>
      {props.error !== undefined && (
        <p className="panel-error" role="alert">
          {t('error.loadFailed', { message: describeError(props.error, t) })}{' '}
          <button type="button" className="link-button" onClick={props.onRetry}>
            {t('action.retry')}
          </button>
        </p>
      )}
      {props.entries === undefined && props.error === undefined && (
        <p className="panel-note">{t('app.loading')}</p>
      )}
      {props.entries !== undefined && props.entries.length === 0 && (
        <p className="panel-note">{t('timeline.empty')}</p>
      )}
      <ol className="timeline__items" data-testid="timeline" aria-live="polite">
        {(props.entries ?? []).map((entry) =>
          entry.source === 'pending' ? (
            <MessageBubble
              key={`pending:${entry.pending.messageId}`}
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
              key={entry.item._id}
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
            />
          ) : entry.item.item.kind === 'note' ? (
            <NoteCard key={entry.item._id} note={entry.item.item} at={entry.item.at} />
          ) : (
            <ActionEntry
              key={entry.item._id}
              action={entry.item.item}
              actor={entry.item.actor}
              at={entry.item.at}
              currentUserId={props.currentUserId}
            />
          ),
        )}
      </ol>
    </div>
  );
}
