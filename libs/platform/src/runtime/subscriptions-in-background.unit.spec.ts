import type { Bus, BusSubscription, SubscribeOptions } from '@parley/bus';
import { subscriptionsInBackground } from './subscriptions-in-background';

/** A bus whose subscribe fails while `down` is true, and records what was subscribed and closed. */
const flakyBus = () => {
  const state = { down: true, attempts: 0, live: 0, closedSubscriptions: 0, closed: false };
  const bus: Bus = {
    publish: async () => undefined,
    subscribe: async (): Promise<BusSubscription> => {
      state.attempts++;
      if (state.down) throw new Error('kafka bus: cannot connect to 127.0.0.1:1');
      state.live++;
      return {
        close: async () => {
          state.closedSubscriptions++;
        },
      };
    },
    close: async () => {
      state.closed = true;
    },
  };
  return { bus, state };
};

const options: SubscribeOptions = {
  groupId: 'channel-telegram',
  topics: ['parley.conversation.events'],
  fromBeginning: true,
  handler: async () => undefined,
};

const until = async (what: string, condition: () => boolean): Promise<void> => {
  const deadline = Date.now() + 2_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('subscriptions in background', () => {
  const logs: string[] = [];
  const settings = (reachable: boolean) => ({
    brokerReachable: async () => reachable,
    log: (line: string) => logs.push(line),
    initialBackoffMs: 10,
    maxBackoffMs: 20,
  });

  beforeEach(() => logs.splice(0));

  it('given the broker does not answer, when subscribing, then it resolves at once, waits, and consumes once the broker is back', async () => {
    const { bus, state } = flakyBus();
    const resilient = subscriptionsInBackground(bus, settings(false));

    const subscription = await resilient.subscribe(options);
    await until('a failed attempt', () => state.attempts >= 2);
    expect(state.live).toBe(0);
    expect(resilient.waiting()).toEqual([
      {
        groupId: 'channel-telegram',
        topics: ['parley.conversation.events'],
        reason: 'kafka bus: cannot connect to 127.0.0.1:1',
      },
    ]);
    expect(logs[0]).toMatch(/group channel-telegram .* cannot subscribe yet \(attempt 1\)/);

    state.down = false;
    await until('the subscription to go live', () => state.live === 1);
    expect(resilient.waiting()).toEqual([]);
    expect(logs.at(-1)).toMatch(/consuming \(attempt \d+\)/);

    await subscription.close();
    expect(state.closedSubscriptions).toBe(1);
  });

  it('given the broker answers, when subscribing, then it resolves with the subscription live', async () => {
    const { bus, state } = flakyBus();
    state.down = false;
    const resilient = subscriptionsInBackground(bus, settings(true));

    await resilient.subscribe(options);

    expect(state.live).toBe(1);
    expect(resilient.waiting()).toEqual([]);
    expect(logs).toEqual([]);
  });

  it('given the broker answers but the first attempt fails, then subscribe resolves after it and retries in the background', async () => {
    const { bus, state } = flakyBus();
    const resilient = subscriptionsInBackground(bus, settings(true));

    await resilient.subscribe(options);

    expect(state.attempts).toBe(1);
    expect(resilient.waiting()).toHaveLength(1);
    state.down = false;
    await until('the subscription to go live', () => state.live === 1);
  });

  it('given a subscription still waiting, when the bus closes, then it stops retrying and closes the bus under it', async () => {
    const { bus, state } = flakyBus();
    const resilient = subscriptionsInBackground(bus, settings(false));
    await resilient.subscribe(options);
    await until('a failed attempt', () => state.attempts >= 1);

    await resilient.close();
    const attempts = state.attempts;
    state.down = false;
    await new Promise((r) => setTimeout(r, 60));

    expect(state.closed).toBe(true);
    expect(state.attempts).toBe(attempts);
    expect(state.live).toBe(0);
    expect(resilient.waiting()).toEqual([]);
  });
});
