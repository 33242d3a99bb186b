/**
 * Metadata answers that a freshly created topic, or a broker that just started, gives for a
 * moment (its partitions' leaders are still being elected). kafkajs marks them retriable.
 */
const TRANSIENT = new Set([
  'UNKNOWN_TOPIC_OR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
  'NOT_LEADER_OR_FOLLOWER',
  'COORDINATOR_LOAD_IN_PROGRESS',
  'COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR',
]);

const isTransient = (error: unknown): boolean => {
  const e = error as { retriable?: boolean; type?: string; cause?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.type && TRANSIENT.has(e.type)) return true;
  return e.retriable === true && e.type !== undefined;
};

/** Run an admin call, retrying transient metadata errors with a growing delay (about 10 s in all). */
export const retryTransient = async <T>(
  what: string,
  call: () => Promise<T>,
  attempts = 12,
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isTransient(error) || attempt >= attempts) {
        if (error instanceof Error && attempt > 1)
          error.message = `${what}: ${error.message} (after ${attempt} attempts)`;
        throw error;
      }
      await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** (attempt - 1), 2000)));
    }
  }
};
