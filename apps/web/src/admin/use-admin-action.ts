import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';

export interface AdminAction<A extends unknown[], R> {
  /** Runs the request unless one is running: its answer, or undefined when it failed or was busy. */
  readonly run: (...args: A) => Promise<R | undefined>;
  readonly running: boolean;
  /** The gateway's reason for the last failure (400 naming the field, 403, 409), until the next try. */
  readonly error: string | null;
}

/**
 * One change an admin makes: disabled while its request runs, its failure kept to show beside
 * the form, and `onDone` (reload what the screen shows) after it was accepted.
 */
export function useAdminAction<A extends unknown[], R>(
  request: (...args: A) => Promise<R>,
  onDone?: () => void,
): AdminAction<A, R> {
  const { t } = useI18n();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const mounted = useRef(true);
  const latest = useRef({ request, onDone });
  latest.current = { request, onDone };
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      if (busy.current) return undefined;
      busy.current = true;
      setRunning(true);
      setError(null);
      try {
        const answer = await latest.current.request(...args);
        latest.current.onDone?.();
        return answer;
      } catch (failure) {
        if (mounted.current) setError(describeError(failure, t));
        return undefined;
      } finally {
        busy.current = false;
        if (mounted.current) setRunning(false);
      }
    },
    [t],
  );

  return { run, running, error };
}
