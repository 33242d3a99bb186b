import { useCallback, useEffect, useState } from 'react';
import {
  messengerLocationFromSearch,
  messengerLocationSearch,
  type MessengerLocation,
} from './messenger-location';

/**
 * The messenger's location, read from and written to the address's query string (the hash
 * stays the admin screens'). Changes replace the history entry: typing in the search box or
 * ticking a filter is not a page to go back to; back and forward are followed all the same.
 */
export function useMessengerLocation(): readonly [
  MessengerLocation,
  (change: (current: MessengerLocation) => MessengerLocation) => void,
] {
  const [location, setLocation] = useState(() =>
    messengerLocationFromSearch(window.location.search),
  );

  useEffect(() => {
    const follow = () => setLocation(messengerLocationFromSearch(window.location.search));
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);

  const change = useCallback((next: (current: MessengerLocation) => MessengerLocation) => {
    setLocation((current) => {
      const updated = next(current);
      const search = messengerLocationSearch(updated);
      if (search !== window.location.search) {
        const { pathname, hash } = window.location;
        window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
      }
      return updated;
    });
  }, []);

  return [location, change] as const;
}
