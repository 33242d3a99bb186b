import type { Bus, OutgoingMessage } from '@parley/bus';
import { createPgliteEventStore, type EventStore } from '@parley/eventstore';
import { testEvent, uniqueContext } from '@parley/eventstore/testing';
import { waitUntil } from '@parley/test-infra';
import { InMemoryCheckpointStore } from './checkpoint-store';
import { Relay } from './relay';

/** A bus that records what it is given and refuses the first `failures` publishes. */
const flakyBus = (failures: number) => {
  const published: OutgoingMessage[] = [];
  const attempts: number[] = [];
  let left = failures;
  const bus: Bus = {
    async publish(messages) {
      attempts.push(Date.now());
      if (left > 0) {
        left -= 1;
        throw new Error('broker not available');
      }
      published.push(...messages);
    },
    async subscribe() {
      throw new Error('the relay only publishes');
    },
    async close() {},
  };
  return { bus, published, attempts };
};

describe('relay on PGlite', () => {
  let store: EventStore;
  let relay: Relay | undefined;

  beforeEach(async () => {
    store = await createPgliteEventStore();
  });

  afterEach(async () => {
    await relay?.stop();
    await store.close();
  });

  it('given a publish fails, when no further event is stored, then the relay retries at once and publishes it', async () => {
    const { bus, published } = flakyBus(1);
    const log: string[] = [];
    relay = new Relay({
      store,
      bus,
      checkpoints: new InMemoryCheckpointStore(),
      retryDelayMs: 10,
      log: (line) => log.push(line),
    });
    await relay.start();
    const event = testEvent('c1');
    await store.append(`${uniqueContext()}-c1`, [event], { expected: 'no_stream' });

    await waitUntil('the event to be published after the failure', () =>
      published.length > 0 ? true : undefined,
    );
    expect(published.map((m) => m.value)).toEqual([event]);
    expect(log.join('\n')).toMatch(/broker not available; resuming from start/);
  });

  it('given publishes keep failing, when the relay retries, then each wait is longer than the one before', async () => {
    const { bus, published, attempts } = flakyBus(4);
    relay = new Relay({
      store,
      bus,
      checkpoints: new InMemoryCheckpointStore(),
      retryDelayMs: 20,
      log: () => undefined,
    });
    await relay.start();
    await store.append(`${uniqueContext()}-c1`, [testEvent('c1')], { expected: 'no_stream' });

    await waitUntil('the publish after four failures', () =>
      published.length > 0 ? true : undefined,
    );
    const waits = attempts.slice(1).map((at, i) => at - attempts[i]);
    expect(waits).toHaveLength(4);
    // 20, 40, 80, 160 ms (plus the time to resubscribe): each at least the doubled base.
    waits.forEach((wait, i) => expect(wait).toBeGreaterThanOrEqual(20 * 2 ** i));
  });
});
