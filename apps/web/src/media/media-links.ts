import { createContext, useContext, useEffect, useState } from 'react';
import type { MediaLink } from '@parley/contracts';

/** Asks the gateway for a signed URL of one stored file: `createMediaApi(http).mediaLink`. */
export type LoadMediaLink = (mediaId: string) => Promise<MediaLink>;

/** A link this close to its expiry is renewed when its file fails to load. */
const RENEW_MARGIN_MS = 60_000;

const MediaLinksContext = createContext<LoadMediaLink | null>(null);

/** Where the timeline's media tiles get their signed links: the messenger's media api. */
export const MediaLinksProvider = MediaLinksContext.Provider;

/**
 * The signed link of a stored file, loaded once per media id (and again on `renew`, when the
 * file failed to load and its link has expired). `link` is null while loading, or with no
 * provider; `error` is what the gateway answered when it refused.
 */
export const useMediaLink = (
  mediaId: string,
): { link: MediaLink | null; error: unknown; renew: () => void } => {
  const load = useContext(MediaLinksContext);
  const [state, setState] = useState<{ link: MediaLink | null; error: unknown }>({
    link: null,
    error: undefined,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (load === null) return;
    let current = true;
    load(mediaId).then(
      (link) => current && setState({ link, error: undefined }),
      (error: unknown) => current && setState({ link: null, error }),
    );
    return () => {
      current = false;
    };
  }, [load, mediaId, round]);
  const { link } = state;
  // Only an expired (or nearly expired) link is asked for again: a file the browser cannot play
  // fails with a fresh link too, and must not ask the gateway in a loop.
  const renew = (): void => {
    if (link !== null && Date.parse(link.expiresAt) - Date.now() < RENEW_MARGIN_MS) {
      setRound((r) => r + 1);
    }
  };
  return { ...state, renew };
};
