import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';

export interface CardAction<A extends unknown[]> {
  /** Runs the request unless one is running; resolves true when the gateway accepted it. */
  readonly run: (...args: A) => Promise<boolean>;
  readonly running: boolean;
  /** The gateway's reason for the last failure, until the next attempt. */
  readonly error: string | null;
}

/** One editing action of the card: disabled while its request runs, its failure kept to show. */
export function useCardAction<A extends unknown[]>(
  request: (...args: A) => Promise<void>,
): CardAction<A> {
  const { t } = useI18n();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const mounted = useRef(true);
  const latest = useRef(request);
  latest.current = request;
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (...args: A): Promise<boolean> => {
      if (busy.current) return false;
      busy.current = true;
      setRunning(true);
      setError(null);
      try {
        await latest.current(...args);
        return true;
      } catch (failure) {
        if (mounted.current) setError(describeError(failure, t));
        return false;
      } finally {
        busy.current = false;
        if (mounted.current) setRunning(false);
      }
    },
    [t],
  );

  return { run, running, error };
}
