import { useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
}

/**
 * Loads `load()` whenever `identity` or `reloadTick` changes. A new identity (another chat)
 * clears what was shown; a new tick (a live change) keeps it on screen until the fresh copy
 * arrives. Answers that arrive after a newer request started are dropped. `identity` null: idle.
 */
export function useResource<T>(
  load: () => Promise<T>,
  identity: string | null,
  reloadTick: number,
): Resource<T> {
  const [state, setState] = useState<Resource<T> & { identity: string | null }>({
    data: undefined,
    error: undefined,
    loading: identity !== null,
    identity,
  });
  const latestLoad = useRef(load);
  latestLoad.current = load;

  useEffect(() => {
    if (identity === null) {
      setState({ data: undefined, error: undefined, loading: false, identity });
      return;
    }
    let current = true;
    setState((previous) =>
      previous.identity === identity
        ? { ...previous, loading: true }
        : { data: undefined, error: undefined, loading: true, identity },
    );
    latestLoad.current().then(
      (data) => {
        if (current) setState({ data, error: undefined, loading: false, identity });
      },
      (error: unknown) => {
        if (current) setState((previous) => ({ ...previous, error, loading: false }));
      },
    );
    return () => {
      current = false;
    };
  }, [identity, reloadTick]);

  return state.identity === identity
    ? state
    : { data: undefined, error: undefined, loading: identity !== null };
}
