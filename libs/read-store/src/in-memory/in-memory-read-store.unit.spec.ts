import { describeReadStoreContract } from '../testing/read-store.contract';
import type { Filter, ReadDocument } from '../read-store.port';
import { createInMemoryReadStore } from './in-memory-read-store';
import { matchesFilter } from './query-matcher';

describeReadStoreContract('in memory', async () => createInMemoryReadStore());

describe('in-memory read store', () => {
  it('given a closed store, when used, then it says it is closed', async () => {
    const store = createInMemoryReadStore();
    const chats = store.collection('chats');
    await store.close();
    await expect(chats.find({})).rejects.toThrow('closed');
  });

  it('given an upsert whose filter and update hold no _id, when run, then it is rejected (ids are strings)', async () => {
    const store = createInMemoryReadStore();
    await expect(
      store
        .collection('chats')
        .updateOne({ workspaceId: 'w1' }, { $set: { n: 1 } }, { upsert: true }),
    ).rejects.toThrow('string _id');
    expect(await store.collection('chats').countDocuments({})).toBe(0);
  });

  it('given 5 000 chats, when the chat list page is read, then it is the newest 50 of that workspace', async () => {
    const store = createInMemoryReadStore();
    const chats = store.collection('chats');
    for (let i = 0; i < 5_000; i += 1) {
      await chats.updateOne(
        { _id: `c${i}` },
        { $set: { workspaceId: `w${i % 5}`, lastActivityAt: new Date(i * 1000).toISOString() } },
        { upsert: true },
      );
    }
    const page = await chats.find(
      { workspaceId: 'w1' },
      { sort: { lastActivityAt: -1, _id: -1 }, limit: 50 },
    );
    expect(page.map((c) => c._id)).toEqual(
      Array.from({ length: 50 }, (_, i) => `c${4996 - i * 5}`),
    );
  });

  it("given _id $in of strings, when found, then the answer is a scan's: insertion order, the other conditions applied, each once", async () => {
    const store = createInMemoryReadStore();
    const chats = store.collection('chats');
    const written: ReadDocument[] = [];
    for (let i = 0; i < 40; i += 1) {
      const chat = { _id: `c${(i * 7) % 40}`, n: i % 3 };
      written.push(chat);
      await chats.replaceOne({ _id: chat._id }, chat, { upsert: true });
    }
    const filters: Filter[] = [
      { _id: { $in: ['c3', 'c1', 'c3', 'missing', 'c30'] } },
      { _id: { $in: ['c3', 'c1', 'c30', 'c14'] }, n: 1 },
      { _id: { $in: [] } },
    ];
    for (const filter of filters) {
      const scanned = written.filter((d) => matchesFilter(d, filter)).map((d) => d._id);
      expect((await chats.find(filter)).map((d) => d._id)).toEqual(scanned);
      expect((await chats.find(filter, { limit: 1 })).map((d) => d._id)).toEqual(
        scanned.slice(0, 1),
      );
      expect(await chats.countDocuments(filter)).toBe(scanned.length);
    }
  });
});
