import type { Role } from '@parley/contracts';
import { useEffect, useRef, useState } from 'react';
import { screenRoute, type ScreenRoute } from './admin-route';

/**
 * The route from the location hash (`#/admin/...`), following the back and forward buttons.
 * `onBackToMessenger` runs when an admin leaves the admin screens (what the messenger shows of
 * the pipeline and tags may have changed there).
 */
export function useScreenRoute(role: Role, onBackToMessenger: () => void): ScreenRoute {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const follow = () => setHash(window.location.hash);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const route = screenRoute(hash, role);

  const previous = useRef(route.view);
  const latest = useRef(onBackToMessenger);
  latest.current = onBackToMessenger;
  useEffect(() => {
    if (previous.current === 'admin' && route.view === 'messenger') latest.current();
    previous.current = route.view;
  }, [route.view]);
  return route;
}
