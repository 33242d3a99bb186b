import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaItem, MediaTabKind, Page } from '@parley/contracts';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';
import type { MediaPageQuery } from './media-api';
import { appendPage, groupByKind, linkExpired, MEDIA_TAB_KINDS } from './media-grid';
import { MediaTile } from './MediaTile';
import './media.css';

interface Shown {
  readonly items: readonly MediaItem[];
  readonly nextCursor: string | null;
}

/**
 * The Media tab (C6): every photo, video, video note, voice message, audio file and document of
 * the conversation, in one grid by kind, newest first, with a filter by kind and older pages on
 * request. `load` is `createMediaApi(http).chatMedia`; `reloadTick` changes when the
 * conversation may have new files (a live change), which reloads the first page.
 */
export function MediaTab(props: {
  conversationId: string;
  load: (conversationId: string, query: MediaPageQuery) => Promise<Page<MediaItem>>;
  reloadTick?: number;
}) {
  const { conversationId, load, reloadTick = 0 } = props;
  const { t } = useI18n();
  const [kind, setKind] = useState<MediaTabKind | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const request = useRef(0);

  const refreshedFor = useRef<string | null>(null);
  // The latest `load`, so a parent that passes a new function each render does not reload.
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const shownFor = useRef<string | null>(null);

  const kinds = kind === null ? [] : [kind];

  useEffect(() => {
    const identity = `${conversationId} ${kind ?? ''}`;
    // Another conversation or kind: clear the grid; a reload of the same one keeps it on screen.
    if (shownFor.current !== identity) {
      shownFor.current = identity;
      setShown(null);
    }
    const current = ++request.current;
    setError(undefined);
    latestLoad.current(conversationId, { kinds: kind === null ? [] : [kind] }).then(
      (page) => {
        if (current === request.current) setShown(page);
      },
      (failure: unknown) => {
        if (current === request.current) setError(failure);
      },
    );
  }, [conversationId, kind, reloadTick, refresh]);

  const loadMore = async (): Promise<void> => {
    if (!shown?.nextCursor) return;
    const current = request.current;
    setLoadingMore(true);
    try {
      const page = await latestLoad.current(conversationId, {
        kinds,
        before: shown.nextCursor,
      });
      if (current === request.current) {
        setShown({ items: appendPage(shown.items, page.items), nextCursor: page.nextCursor });
      }
    } catch (failure) {
      if (current === request.current) setError(failure);
    } finally {
      setLoadingMore(false);
    }
  };

  /** A file did not load: if its link is old, fetch fresh links, once for all tiles of that age. */
  const onBroken = useCallback((item: MediaItem) => {
    if (!linkExpired(item, new Date()) || refreshedFor.current === item.urlExpiresAt) return;
    refreshedFor.current = item.urlExpiresAt;
    setRefresh((tick) => tick + 1);
  }, []);

  const groups = groupByKind(shown?.items ?? []);

  return (
    <section className="media-tab" aria-label={t('media.title')} data-testid="media-tab">
      <div className="media-tab__filter" role="group" aria-label={t('media.filter.label')}>
        {[null, ...MEDIA_TAB_KINDS].map((option) => (
          <button
            key={option ?? 'all'}
            type="button"
            className="media-tab__chip"
            aria-pressed={kind === option}
            onClick={() => setKind(option)}
          >
            {option === null ? t('media.filter.all') : t(`media.kind.${option}`)}
          </button>
        ))}
      </div>
      {error !== undefined && (
        <p className="panel-error" role="alert">
          {t('error.loadFailed', { message: describeError(error, t) })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setRefresh((tick) => tick + 1)}
          >
            {t('action.retry')}
          </button>
        </p>
      )}
      {shown === null && error === undefined && <p className="panel-note">{t('app.loading')}</p>}
      {shown !== null && groups.length === 0 && <p className="panel-note">{t('media.empty')}</p>}
      {groups.map((group) => (
        <section key={group.kind} className="media-tab__group">
          <h3 className="panel-title">{t(`media.kind.${group.kind}`)}</h3>
          <ul className={`media-tab__grid media-tab__grid--${group.kind}`}>
            {group.items.map((item) => (
              <li key={item.mediaId}>
                <MediaTile item={item} onBroken={() => onBroken(item)} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {shown?.nextCursor && (
        <button
          type="button"
          className="link-button media-tab__more"
          disabled={loadingMore}
          onClick={() => void loadMore()}
        >
          {t('media.loadMore')}
        </button>
      )}
    </section>
  );
}
