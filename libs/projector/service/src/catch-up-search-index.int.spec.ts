import { createPgliteEventStore, type EventStore } from '@parley/eventstore';
import { conversationHistory, type StreamEvent } from '@parley/projections';
import { createPgliteSearchIndex, type SearchIndex } from '@parley/search';
import { catchUpSearchIndex } from './catch-up-search-index';

const h = conversationHistory('w1', '5151');
const T0 = '2026-12-03T09:00:00.000Z';
const T1 = '2026-12-03T09:01:00.000Z';
const T2 = '2026-12-03T09:02:00.000Z';

describe('catching the search read model up from the event log', () => {
  let store: EventStore;
  let searchIndex: SearchIndex;

  const append = async (...events: StreamEvent[]) => {
    for (const e of events) await store.append(e.streamName, [e.event], { expected: 'any' });
  };

  beforeAll(async () => {
    [store, searchIndex] = await Promise.all([createPgliteEventStore(), createPgliteSearchIndex()]);
  }, 120_000);

  afterAll(async () => {
    await searchIndex?.close();
    await store?.close();
  });

  it('given a log the index never saw, when caught up, then it finds what the log holds; caught up again, then only the newer events are read', async () => {
    await append(h.started(T0), h.clientMessage('m1', 'Nothing arrived yet', T1));

    const first = await catchUpSearchIndex(store, searchIndex, { pageSize: 1 });

    expect(first.events).toBe(2);
    expect(await searchIndex.caughtUpThrough()).toBe(first.position);
    expect((await searchIndex.search('w1', 'arrived', 5)).map((hit) => hit.matchedIn)).toEqual([
      'message',
    ]);
    expect((await searchIndex.search('w1', 'karenina', 5)).map((hit) => hit.matchedIn)).toEqual([
      'name',
    ]);

    await append(h.managerMessage('o1', 'The courier is on the way', T2));
    const second = await catchUpSearchIndex(store, searchIndex);

    expect(second.events).toBe(1);
    expect((await searchIndex.search('w1', 'courier', 5))[0]?.message?.direction).toBe('out');
    expect((await catchUpSearchIndex(store, searchIndex)).events).toBe(0);
  });
});
