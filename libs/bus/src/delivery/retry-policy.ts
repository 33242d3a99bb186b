/** Defaults of SubscribeOptions (bus.port.ts). */
export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_RETRY_BACKOFF_MS = 100;
export const MAX_RETRY_BACKOFF_MS = 5_000;

/** Delay before retry n (n = 1 for the first retry): backoff * 2^(n-1), capped at 5 s. */
export const retryDelayMs = (retry: number, backoffMs: number): number =>
  Math.min(backoffMs * 2 ** (retry - 1), MAX_RETRY_BACKOFF_MS);

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
