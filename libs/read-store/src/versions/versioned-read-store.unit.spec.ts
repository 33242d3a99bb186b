import { createInMemoryReadStore } from '../in-memory/in-memory-read-store';
import type { ReadStore } from '../read-store.port';
import {
  READ_MODEL_VERSIONS_COLLECTION,
  type NextReadModelVersion,
  type ReadModelVersionDocument,
} from './read-model-versions';
import { VersionedReadStore } from './versioned-read-store';

const timings = { refreshMs: 1000, pollMs: 2, leaseMs: 30_000 };

/** The same read store, remembering which collections were ensured. */
const ensuring = (inner: ReadStore): { store: ReadStore; ensured: string[] } => {
  const ensured: string[] = [];
  const store: ReadStore = {
    collection: (name) => inner.collection(name),
    ensureCollection: async (name) => {
      ensured.push(name);
      await inner.ensureCollection(name);
    },
    dropAll: () => inner.dropAll(),
    dropCollection: (name) => inner.dropCollection(name),
    close: () => inner.close(),
  };
  return { store, ensured };
};

describe('versioned read store (O4)', () => {
  let store: ReadStore;
  let clock: number;
  let versioned: VersionedReadStore;

  /** Write the pointer of `chats` as a rebuild would. */
  const pointer = (fields: { active: string; version: number; next?: NextReadModelVersion }) =>
    store
      .collection<ReadModelVersionDocument>(READ_MODEL_VERSIONS_COLLECTION)
      .replaceOne({ _id: 'chats' }, { ...fields, _id: 'chats' }, { upsert: true });
  const handover = (position: string): NextReadModelVersion => ({
    collection: 'chats__v2',
    version: 2,
    phase: 'handover',
    position,
    heartbeatAt: new Date().toISOString(),
  });
  const idsIn = async (physical: string): Promise<string[]> =>
    (await store.collection(physical).find({}, { sort: { _id: 1 } })).map((d) => d._id);

  beforeEach(() => {
    store = createInMemoryReadStore();
    clock = 0;
    versioned = new VersionedReadStore(store, timings, () => clock);
  });

  it('given a read model asked for twice, then the same handle answers, one per name', () => {
    expect(versioned.collection('chats')).toBe(versioned.collection('chats'));
    expect(versioned.collection('timeline')).not.toBe(versioned.collection('chats'));
    const view = versioned.forEventAt('7');
    expect(view.collection('chats')).toBe(view.collection('chats'));
  });

  it('given a handle taken before a switch, then it reads and writes the new version once the cached pointer is stale', async () => {
    await pointer({ active: 'chats', version: 1 });
    const chats = versioned.collection('chats');
    const timeline = versioned.collection('timeline');
    await chats.replaceOne({ _id: 'c1' }, { _id: 'c1' }, { upsert: true });
    await store.collection('chats__v2').replaceOne({ _id: 'n1' }, { _id: 'n1' }, { upsert: true });

    await pointer({ active: 'chats__v2', version: 2 });
    clock = 999;
    expect((await chats.find({})).map((d) => d._id)).toEqual(['c1']);
    clock = 1000;
    expect((await chats.find({})).map((d) => d._id)).toEqual(['n1']);
    await chats.replaceOne({ _id: 'c2' }, { _id: 'c2' }, { upsert: true });
    await timeline.replaceOne({ _id: 't1' }, { _id: 't1' }, { upsert: true });

    expect(versioned.collection('chats')).toBe(chats);
    expect(await idsIn('chats')).toEqual(['c1']);
    expect(await idsIn('chats__v2')).toEqual(['c2', 'n1']);
    expect(await idsIn('timeline')).toEqual(['t1']);
  });

  it('given handles taken before a dropAll, then they keep working and forget the pointers', async () => {
    await pointer({ active: 'chats__v2', version: 2 });
    const chats = versioned.collection('chats');
    await chats.replaceOne({ _id: 'c1' }, { _id: 'c1' }, { upsert: true });
    await versioned.dropAll();

    await chats.replaceOne({ _id: 'c2' }, { _id: 'c2' }, { upsert: true });
    expect(await idsIn('chats')).toEqual(['c2']);
    expect(await idsIn('chats__v2')).toEqual([]);
  });

  it('given a live write taken in a handover, then it waits and goes to the new version after the switch', async () => {
    await pointer({ active: 'chats', version: 1, next: handover('40') });
    const chats = versioned.forEventAt('90').collection('chats');
    let written = false;
    const write = chats
      .replaceOne({ _id: 'c9' }, { _id: 'c9' }, { upsert: true })
      .then(() => (written = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(written).toBe(false);

    await pointer({ active: 'chats__v2', version: 2 });
    await write;
    expect(await idsIn('chats')).toEqual([]);
    expect(await idsIn('chats__v2')).toEqual(['c9']);
  });

  it('given two events in a handover, then each view writes by its own position: the one applied at once, the later one waits', async () => {
    await pointer({ active: 'chats', version: 1, next: handover('40') });
    const applied = versioned.forEventAt('39').collection('chats');
    const later = versioned.forEventAt('41').collection('chats');
    let laterWritten = false;
    const laterWrite = later
      .replaceOne({ _id: 'late' }, { _id: 'late' }, { upsert: true })
      .then(() => (laterWritten = true));
    await applied.replaceOne({ _id: 'early' }, { _id: 'early' }, { upsert: true });
    expect(await idsIn('chats')).toEqual(['early']);
    expect(laterWritten).toBe(false);

    await pointer({ active: 'chats', version: 1, next: handover('41') });
    await laterWrite;
    expect(await idsIn('chats')).toEqual(['early', 'late']);
  });

  it('given a version being built, then a live write goes to the active version from the cached pointer', async () => {
    await pointer({ active: 'chats', version: 1, next: { ...handover('0'), phase: 'building' } });
    expect(await versioned.versions.writeCollection('chats', '500')).toBe('chats');
    expect(versioned.versions.cachedWriteCollection('chats')).toBe('chats');

    await pointer({ active: 'chats', version: 1, next: handover('0') });
    clock = 1000;
    expect(versioned.versions.cachedWriteCollection('chats')).toBeUndefined();
    await versioned.versions.activeCollection('chats');
    expect(versioned.versions.cachedWriteCollection('chats')).toBeUndefined();
  });

  it('given a switched read model, when its collection is ensured, then the physical collection it resolves to is', async () => {
    const recorded = ensuring(store);
    const over = new VersionedReadStore(recorded.store, timings, () => clock);
    await pointer({ active: 'chats__v2', version: 2 });

    await over.ensureCollection('chats');
    await over.ensureCollection('timeline');
    await over.ensureCollection(READ_MODEL_VERSIONS_COLLECTION);
    await over.forEventAt('7').ensureCollection('chats');
    expect(recorded.ensured).toEqual([
      'chats__v2',
      'timeline',
      READ_MODEL_VERSIONS_COLLECTION,
      'chats__v2',
    ]);
  });
});
