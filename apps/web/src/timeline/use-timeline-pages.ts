import type { Page, TimelineItem } from '@parley/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  fromNewestPage,
  holdsItem,
  withFreshNewestPage,
  withOlderPage,
  type LoadedTimeline,
} from './timeline-pages';

/** Items per page while paging up to a search hit: fewer round trips than scrolling does. */
const SEEK_PAGE_SIZE = 200;

export interface TimelinePages {
  readonly loaded: LoadedTimeline | undefined;
  readonly error: unknown;
  /** Loads the page above, once at a time; the timeline calls it as its top scrolls into view. */
  readonly loadOlder: () => void;
}

/**
 * One conversation's timeline, newest page first and older pages as the manager scrolls up
 * (C5). A new tick (a live change) takes the newest page in again. With `seek`, pages up until
 * that item is loaded (a search hit), then stops.
 */
export function useTimelinePages(
  load: (conversationId: string, before?: string, limit?: number) => Promise<Page<TimelineItem>>,
  conversationId: string | null,
  reloadTick: number,
  seek: string | null,
): TimelinePages {
  const [state, setState] = useState<{
    conversationId: string | null;
    loaded: LoadedTimeline | undefined;
    error: unknown;
  }>({ conversationId, loaded: undefined, error: undefined });
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const current = useRef<{ conversationId: string | null; loaded: LoadedTimeline | undefined }>({
    conversationId,
    loaded: undefined,
  });
  const loadingOlder = useRef(false);

  const keep = useCallback(
    (forId: string, next: (now: LoadedTimeline | undefined) => LoadedTimeline) => {
      if (current.current.conversationId !== forId) return;
      const loaded = next(current.current.loaded);
      current.current = { conversationId: forId, loaded };
      setState({ conversationId: forId, loaded, error: undefined });
    },
    [],
  );

  const failed = useCallback((forId: string, error: unknown) => {
    if (current.current.conversationId === forId) setState((previous) => ({ ...previous, error }));
  }, []);

  useEffect(() => {
    if (current.current.conversationId !== conversationId) {
      current.current = { conversationId, loaded: undefined };
      loadingOlder.current = false;
      setState({ conversationId, loaded: undefined, error: undefined });
    }
    if (conversationId === null) return;
    let live = true;
    latestLoad.current(conversationId).then(
      (page) => {
        if (live)
          keep(conversationId, (now) =>
            now === undefined ? fromNewestPage(page) : withFreshNewestPage(now, page),
          );
      },
      (error: unknown) => {
        if (live) failed(conversationId, error);
      },
    );
    return () => {
      live = false;
    };
  }, [conversationId, reloadTick, keep, failed]);

  const older = useCallback(
    (limit?: number) => {
      const { conversationId: forId, loaded } = current.current;
      if (forId === null || loadingOlder.current || !loaded || loaded.olderCursor === null) return;
      loadingOlder.current = true;
      latestLoad
        .current(forId, loaded.olderCursor, limit)
        .then(
          (page) => keep(forId, (now) => (now ? withOlderPage(now, page) : fromNewestPage(page))),
          (error: unknown) => failed(forId, error),
        )
        .finally(() => {
          if (current.current.conversationId === forId) loadingOlder.current = false;
        });
    },
    [keep, failed],
  );

  const mine = state.conversationId === conversationId ? state : undefined;
  const loaded = mine?.loaded;

  // Paging up to a search hit: each loaded page re-runs this until the item is there.
  useEffect(() => {
    if (seek === null || !loaded || holdsItem(loaded, seek) || loaded.olderCursor === null) return;
    older(SEEK_PAGE_SIZE);
  }, [seek, loaded, older]);

  const loadOlder = useCallback(() => older(), [older]);
  return { loaded, error: mine?.error, loadOlder };
}
