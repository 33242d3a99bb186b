import type { ChatListItem, Page } from '@parley/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { withFreshFirstPage, withNextPage, type LoadedChats } from './chat-list-pages';

export interface ChatPages {
  /** Undefined until the first page arrives (and again when the view changes). */
  readonly chats: readonly ChatListItem[] | undefined;
  readonly error: unknown;
  readonly hasMore: boolean;
  /** Loads the next page, once at a time; the list calls it as its end scrolls into view. */
  readonly loadMore: () => void;
}

/**
 * The chat list of one view (`identity`: its query), page by page as it scrolls (L6). A new
 * tick (a live change) fetches the first page again and lays it over what is loaded, keeping
 * the pages below; answers for an older view are dropped.
 */
export function useChatPages(
  load: (cursor?: string) => Promise<Page<ChatListItem>>,
  identity: string,
  reloadTick: number,
): ChatPages {
  const [state, setState] = useState<{
    identity: string;
    loaded: LoadedChats | undefined;
    error: unknown;
  }>({ identity, loaded: undefined, error: undefined });
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const loaded = useRef<{ identity: string; chats: LoadedChats | undefined }>({
    identity,
    chats: undefined,
  });
  const loadingMore = useRef(false);

  const keep = useCallback((forIdentity: string, chats: LoadedChats) => {
    if (loaded.current.identity !== forIdentity) return;
    loaded.current = { identity: forIdentity, chats };
    setState({ identity: forIdentity, loaded: chats, error: undefined });
  }, []);

  useEffect(() => {
    if (loaded.current.identity !== identity) {
      loaded.current = { identity, chats: undefined };
      loadingMore.current = false;
      setState({ identity, loaded: undefined, error: undefined });
    }
    let current = true;
    latestLoad.current().then(
      (first) => {
        if (!current) return;
        const before = loaded.current.chats;
        keep(identity, before === undefined ? first : withFreshFirstPage(before, first));
      },
      (error: unknown) => {
        if (current) setState((previous) => ({ ...previous, error }));
      },
    );
    return () => {
      current = false;
    };
  }, [identity, reloadTick, keep]);

  const loadMore = useCallback(() => {
    const chats = loaded.current.chats;
    const forIdentity = loaded.current.identity;
    if (loadingMore.current || chats?.nextCursor == null) return;
    loadingMore.current = true;
    latestLoad
      .current(chats.nextCursor)
      .then(
        (page) => {
          const now = loaded.current.chats;
          if (now !== undefined) keep(forIdentity, withNextPage(now, page));
        },
        (error: unknown) => {
          if (loaded.current.identity === forIdentity)
            setState((previous) => ({ ...previous, error }));
        },
      )
      .finally(() => {
        if (loaded.current.identity === forIdentity) loadingMore.current = false;
      });
  }, [keep]);

  const mine = state.identity === identity ? state : undefined;
  return {
    chats: mine?.loaded?.items,
    error: mine?.error,
    hasMore: mine?.loaded?.nextCursor != null,
    loadMore,
  };
}
