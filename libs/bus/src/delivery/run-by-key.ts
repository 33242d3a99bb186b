export interface RunByKeyOptions {
  /** Keys handled at the same time (each key's items stay one at a time, in order). */
  readonly concurrency: number;
  /** Asked before each item starts: true stops starting new ones (rebalance, shutdown). */
  readonly shouldStop?: () => boolean;
  /** Called after each handled item, before its lane goes on (the Kafka adapter heartbeats). */
  readonly afterEach?: () => Promise<void>;
  /**
   * Called, in item order, with the index of the last item of the run of handled items that
   * starts at the first one, each time that run grows: everything up to it is done and may be
   * committed, whatever is still in flight after it.
   */
  readonly onDoneUpTo?: (index: number) => void;
}

/**
 * Handles a batch of one partition's messages key by key: each key's items one at a time and in
 * their order (the bus's per-key order), different keys at the same time up to `concurrency`,
 * so one slow key (a chat waiting out Telegram's `retry_after`, a slow aggregate) holds only
 * its own messages. A failure stops that key's lane (its later items must not overtake it) and
 * stops new items everywhere; once every started item settled, the first failure is thrown, and
 * the caller redelivers from the first item not done (consumers drop repeats by event id).
 */
export const runByKey = async <T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  handle: (item: T) => Promise<void>,
  options: RunByKeyOptions,
): Promise<void> => {
  const lanes = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const lane = lanes.get(key);
    if (lane) lane.push(index);
    else lanes.set(key, [index]);
  });
  const waiting = [...lanes.values()];
  const done = new Array<boolean>(items.length).fill(false);
  let doneUpTo = -1;
  let failure: { readonly error: unknown } | undefined;
  const stopped = () => failure !== undefined || (options.shouldStop?.() ?? false);

  const markDone = (index: number): void => {
    done[index] = true;
    const before = doneUpTo;
    while (doneUpTo + 1 < items.length && done[doneUpTo + 1]) doneUpTo++;
    if (doneUpTo > before) options.onDoneUpTo?.(doneUpTo);
  };

  const worker = async (): Promise<void> => {
    for (let lane = waiting.shift(); lane; lane = waiting.shift()) {
      for (const index of lane) {
        if (stopped()) return;
        try {
          await handle(items[index]!);
          markDone(index);
          await options.afterEach?.();
        } catch (error) {
          failure ??= { error };
          return;
        }
      }
    }
  };

  const workers = Math.max(1, Math.min(options.concurrency, lanes.size));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure) throw failure.error;
};
