import { randomBytes } from 'node:crypto';
import { TIMELINE_COLLECTION } from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import {
  embeddedEngines,
  startServiceHarness,
  type ServiceHarness,
} from '@parley/platform/testing';
import { conversationHistory, type StreamEvent } from '@parley/projections';
import {
  createInMemoryReadStore,
  createMongoReadStore,
  READ_MODEL_VERSIONS_COLLECTION,
  versioned,
  type ReadModelVersionDocument,
  type ReadStore,
} from '@parley/read-store';
import { reportSkip, waitUntil } from '@parley/test-infra';
import { rebuildReadModelOnline } from './online-rebuild';
import { ProjectorServiceModule } from './projector-service.module';
import { rebuildReadModels } from './rebuild-read-models';

const url = process.env['MONGO_URL'];
if (!url) reportSkip('online rebuild on a MongoDB-wire read store: skipped (no MONGO_URL)');

const CONVERSATIONS = 12;
const histories = Array.from({ length: CONVERSATIONS }, (_, i) =>
  conversationHistory('w1', String(1000 + i)),
);
const at = (n: number): string => new Date(Date.UTC(2026, 11, 3, 9, 0, 0, n)).toISOString();

const stores: (readonly [string, () => Promise<ReadStore>])[] = [
  ['the in-memory read store', async () => createInMemoryReadStore()],
  ...(url
    ? ([
        [
          'a MongoDB-wire read store',
          () =>
            createMongoReadStore({
              url,
              dbName: `parley_rebuild_${randomBytes(5).toString('hex')}`,
              serverSelectionTimeoutMS: 5_000,
            }),
        ],
      ] as const)
    : []),
];

describe.each(stores)('online rebuild (O4) on %s, with the projector running', (_, open) => {
  let readStore: ReadStore;
  let harness: ServiceHarness;
  let store: EventStore;
  let sent = 0;

  const append = async (...events: StreamEvent[]) => {
    for (const e of events) await store.append(e.streamName, [e.event], { expected: 'any' });
  };
  /** A client message in conversation `i % CONVERSATIONS`, each with its own id and time. */
  const sendOne = async (): Promise<void> => {
    const n = sent++;
    await append(histories[n % CONVERSATIONS]!.clientMessage(`m${n}`, `message ${n}`, at(n + 100)));
  };
  const timelineOf = (s: ReadStore, collection = TIMELINE_COLLECTION) =>
    s.collection(collection).find({}, { sort: { _id: 1 } });

  beforeAll(async () => {
    readStore = await open();
    harness = await startServiceHarness({
      engines: await embeddedEngines(),
      serviceName: 'projector',
      workspaceId: 'w1',
      readStore,
      modules: [ProjectorServiceModule.register()],
    });
    store = harness.store;
    for (const [i, h] of histories.entries()) await append(h.started(at(i)));
    for (let i = 0; i < 40; i++) await sendOne();
    await waitUntil('the first 40 messages projected', async () =>
      (await readStore.collection('timeline').countDocuments({})) >= 40 ? true : undefined,
    );
  });

  afterAll(async () => {
    await readStore?.dropAll();
    await harness?.close();
  });

  it('given messages arriving throughout, when the timeline is rebuilt, then the new version holds every event exactly as a rebuild from zero does, readers switch to it, and the old one is dropped', async () => {
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await sendOne();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const progress: string[] = [];
    const report = await rebuildReadModelOnline(store, readStore, 'timeline', {
      pageSize: 25,
      batchSize: 60,
      log: (line) => progress.push(line),
    });
    // The projectors write the new version after the switch: a few more messages land there.
    await new Promise((resolve) => setTimeout(resolve, 300));
    writing = false;
    await writer;

    expect(report).toMatchObject({ readModel: 'timeline', version: 2, previous: 'timeline' });
    expect(report.collection).toBe('timeline__v2');
    expect(progress.some((line) => line.includes('handing over'))).toBe(true);
    const pointer = await readStore
      .collection<ReadModelVersionDocument>(READ_MODEL_VERSIONS_COLLECTION)
      .findOne({ _id: 'timeline' });
    expect(pointer).toMatchObject({ active: 'timeline__v2', version: 2 });
    expect(pointer?.next).toBeUndefined();

    // Every message, once, in the live new version; the same documents a rebuild from zero gives.
    await waitUntil('every message in the new version', async () =>
      (await readStore.collection('timeline__v2').countDocuments({ 'item.kind': 'message' })) ===
      sent
        ? true
        : undefined,
    );
    const fresh = createInMemoryReadStore();
    await rebuildReadModels(store, fresh);
    expect(await timelineOf(readStore, 'timeline__v2')).toEqual(await timelineOf(fresh));
    await fresh.close();
    expect(await readStore.collection('timeline').countDocuments({})).toBe(0);

    // A reader resolving the read model by name (as the gateway does) reads the new version.
    const reader = versioned(readStore);
    expect(await reader.collection('timeline').countDocuments({ 'item.kind': 'message' })).toBe(
      sent,
    );
  });

  it('given a rebuild running, when a second is asked for, then it is refused and the first switches', async () => {
    const first = rebuildReadModelOnline(store, readStore, 'chats', { pageSize: 5 });
    await waitUntil(
      'the first rebuild to claim the pointer',
      async () =>
        (
          await readStore
            .collection<ReadModelVersionDocument>(READ_MODEL_VERSIONS_COLLECTION)
            .findOne({ _id: 'chats' })
        )?.next,
    );
    await expect(rebuildReadModelOnline(store, readStore, 'chats')).rejects.toThrow(
      /a rebuild of chats is running/,
    );
    await expect(first).resolves.toMatchObject({ collection: 'chats__v2' });
    expect(await readStore.collection('chats__v2').countDocuments({})).toBe(CONVERSATIONS);
  });

  it('given a rebuild that fails midway, then it gives the pointer back, drops its half-built collection and leaves the live one alone', async () => {
    const pointers = readStore.collection<ReadModelVersionDocument>(READ_MODEL_VERSIONS_COLLECTION);
    const before = await pointers.findOne({ _id: 'chats' });
    const live = before?.active ?? 'chats';
    const version = before?.version ?? 1;
    expect(await readStore.collection(live).countDocuments({})).toBe(CONVERSATIONS);
    let reads = 0;
    const failing: EventStore = {
      append: (...args) => store.append(...args),
      readStream: (...args) => store.readStream(...args),
      subscribeToAll: (...args) => store.subscribeToAll(...args),
      close: () => store.close(),
      readAll: async (options) => {
        if (++reads === 2) throw new Error('the event store went away');
        return store.readAll(options);
      },
    };

    await expect(
      rebuildReadModelOnline(failing, readStore, 'chats', { pageSize: 5 }),
    ).rejects.toThrow('the event store went away');

    const after = await pointers.findOne({ _id: 'chats' });
    expect(after).toMatchObject({ active: live, version });
    expect(after?.next).toBeUndefined();
    expect(await readStore.collection(`chats__v${version + 1}`).countDocuments({})).toBe(0);
    expect(await readStore.collection(live).countDocuments({})).toBe(CONVERSATIONS);
  });

  it('given a name that is no read model, then the rebuild is refused naming the read models', async () => {
    await expect(rebuildReadModelOnline(store, readStore, 'chat')).rejects.toThrow(
      /unknown read model "chat": one of chats, timeline, cards/,
    );
  });
});
