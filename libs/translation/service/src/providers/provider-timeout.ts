import { TranslationProviderError } from './translation-provider-error';

/**
 * Races `work` against a timer, so a provider that never answers fails as `timeout` after
 * `timeoutMs` whatever its client library does (the Google library's own timeout does not apply
 * on its API-key path). `signal` aborts the request where the client can take one.
 */
export const withTimeout = async <T>(
  provider: string,
  timeoutMs: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> => {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TranslationProviderError(provider, 'timeout', `no answer in ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
};
