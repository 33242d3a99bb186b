import { createInMemoryReadStore } from '../in-memory/in-memory-read-store';
import type { ReadStore } from '../read-store.port';
import {
  READ_MODEL_VERSIONS_COLLECTION,
  ReadModelVersions,
  versionedName,
  type NextReadModelVersion,
  type ReadModelVersionDocument,
} from './read-model-versions';
import { readStoreForEventAt, VersionedReadStore } from './versioned-read-store';

const timings = { refreshMs: 1000, pollMs: 2, leaseMs: 30_000 };

describe('read-model versions (O4)', () => {
  let store: ReadStore;
  let clock: number;
  let versions: ReadModelVersions;

  /** Write the pointer of `chats` as a rebuild would. */
  const pointer = (fields: { active: string; version: number; next?: NextReadModelVersion }) =>
    store
      .collection<ReadModelVersionDocument>(READ_MODEL_VERSIONS_COLLECTION)
      .replaceOne({ _id: 'chats' }, { ...fields, _id: 'chats' }, { upsert: true });
  const handover = (position: string | null, heartbeatAt = new Date().toISOString()) =>
    ({
      collection: 'chats__v2',
      version: 2,
      phase: 'handover',
      position,
      heartbeatAt,
    }) satisfies NextReadModelVersion;

  beforeEach(() => {
    store = createInMemoryReadStore();
    clock = 0;
    versions = new ReadModelVersions(store, timings, () => clock);
  });

  it('names version 1 after the read model and later ones with their number', () => {
    expect(versionedName('chats', 1)).toBe('chats');
    expect(versionedName('chats', 3)).toBe('chats__v3');
  });

  it('given no pointer, then a read model is its own collection, to read and to write', async () => {
    expect(await versions.activeCollection('chats')).toBe('chats');
    expect(await versions.writeCollection('chats', '10')).toBe('chats');
  });

  it('given a switch, then readers keep the cached pointer until the refresh time has passed', async () => {
    await pointer({ active: 'chats', version: 1 });
    expect(await versions.activeCollection('chats')).toBe('chats');
    await pointer({ active: 'chats__v2', version: 2 });

    clock = 999;
    expect(versions.cachedActiveCollection('chats')).toBe('chats');
    expect(await versions.activeCollection('chats')).toBe('chats');
    clock = 1000;
    expect(versions.cachedActiveCollection('chats')).toBeUndefined();
    expect(await versions.activeCollection('chats')).toBe('chats__v2');
  });

  it('given a version being built, then live writes go to the active version without waiting', async () => {
    await pointer({ active: 'chats', version: 1, next: { ...handover('0'), phase: 'building' } });
    expect(await versions.writeCollection('chats', '500')).toBe('chats');
  });

  it('given a handover, then a write of an event the rebuild has applied goes to the active version at once', async () => {
    await pointer({ active: 'chats', version: 1, next: handover('40') });
    expect(await versions.writeCollection('chats', '40')).toBe('chats');
  });

  it('given a handover, then a write of a later event waits for the rebuild to pass it', async () => {
    await pointer({ active: 'chats', version: 1, next: handover('40') });
    let settled: string | null = null;
    const write = versions.writeCollection('chats', '41').then((name) => (settled = name));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBeNull();

    await pointer({ active: 'chats', version: 1, next: handover('41') });
    expect(await write).toBe('chats');
  });

  it('given a handover, then a write of an event past the switch waits for it and goes to the new version', async () => {
    await pointer({ active: 'chats', version: 1, next: handover('40') });
    const write = versions.writeCollection('chats', '90');
    await new Promise((resolve) => setTimeout(resolve, 20));

    await pointer({ active: 'chats__v2', version: 2 });
    expect(await write).toBe('chats__v2');
  });

  it('given a handover whose rebuild stopped beating past the lease, then writes stop waiting', async () => {
    const longAgo = new Date(Date.now() - 31_000).toISOString();
    await pointer({ active: 'chats', version: 1, next: handover('40', longAgo) });
    expect(await versions.writeCollection('chats', '90')).toBe('chats');
  });

  it('given a versioned store, then collections resolve by name and the pointers collection is itself', async () => {
    await pointer({ active: 'chats__v2', version: 2 });
    await store.collection('chats__v2').replaceOne({ _id: 'c1' }, { _id: 'c1' }, { upsert: true });
    const versioned = new VersionedReadStore(store, timings);

    expect(await versioned.collection('chats').countDocuments({})).toBe(1);
    expect(await versioned.collection(READ_MODEL_VERSIONS_COLLECTION).countDocuments({})).toBe(1);
    await readStoreForEventAt(versioned, '7')
      .collection('chats')
      .replaceOne({ _id: 'c2' }, { _id: 'c2' }, { upsert: true });
    expect(await store.collection('chats__v2').countDocuments({})).toBe(2);
    expect(readStoreForEventAt(store, '7')).toBe(store);
  });
});
