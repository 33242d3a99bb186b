import type { RecordedEvent } from '../event-store.port';
import { CatchUpSubscription } from './catch-up-subscription';
import { WakeSignal } from './wake-signal';

/** A log the subscription reads pages of; append() adds an event and wakes it. */
const fakeLog = (wake: WakeSignal) => {
  const events: RecordedEvent[] = [];
  const reads: number[] = [];
  return {
    reads,
    append: () => {
      const position = BigInt(events.length + 1);
      events.push({ position, streamName: 's-1', revision: events.length } as RecordedEvent);
      wake.notify();
    },
    readPage: async (after: bigint | undefined, maxCount: number) => {
      const page = events.filter((e) => e.position > (after ?? 0n)).slice(0, maxCount);
      reads.push(page.length);
      return page;
    },
  };
};

const take = async (subscription: CatchUpSubscription, n: number): Promise<bigint[]> => {
  const seen: bigint[] = [];
  for await (const event of subscription) {
    seen.push(event.position);
    if (seen.length === n) break;
  }
  return seen;
};

describe('CatchUpSubscription', () => {
  it('given a gather time, when a burst of appends wakes it, then the burst is read in one page', async () => {
    const wake = new WakeSignal();
    const log = fakeLog(wake);
    const subscription = new CatchUpSubscription({
      after: undefined,
      readPage: log.readPage,
      wake,
      pollIntervalMs: 10_000,
      pageSize: 100,
      gatherMs: 20,
      onClosed: () => undefined,
    });
    const taking = take(subscription, 3);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the first (empty) read is done
    log.append();
    log.append();
    log.append();

    expect(await taking).toEqual([1n, 2n, 3n]);
    expect(log.reads).toEqual([0, 3]);
    await subscription.close();
  });

  it('given no gather time, when appends come one by one, then each wake reads at once', async () => {
    const wake = new WakeSignal();
    const log = fakeLog(wake);
    const subscription = new CatchUpSubscription({
      after: undefined,
      readPage: log.readPage,
      wake,
      pollIntervalMs: 10_000,
      pageSize: 100,
      onClosed: () => undefined,
    });
    const taking = take(subscription, 2);
    await new Promise((resolve) => setTimeout(resolve, 5));
    log.append();
    await new Promise((resolve) => setTimeout(resolve, 5));
    log.append();

    expect(await taking).toEqual([1n, 2n]);
    expect(log.reads).toEqual([0, 1, 1]);
    await subscription.close();
  });
});
