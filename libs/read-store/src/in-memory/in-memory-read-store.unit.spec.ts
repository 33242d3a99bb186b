import { describeReadStoreContract } from '../testing/read-store.contract';
import { createInMemoryReadStore } from './in-memory-read-store';

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

  it('given 5 000 chats, when the chat list page is read, then it answers well within a second', async () => {
    const store = createInMemoryReadStore();
    const chats = store.collection('chats');
    for (let i = 0; i < 5_000; i += 1) {
      await chats.updateOne(
        { _id: `c${i}` },
        { $set: { workspaceId: `w${i % 5}`, lastActivityAt: new Date(i * 1000).toISOString() } },
        { upsert: true },
      );
    }
    const started = performance.now();
    const page = await chats.find(
      { workspaceId: 'w1' },
      { sort: { lastActivityAt: -1, _id: -1 }, limit: 50 },
    );
    expect(page).toHaveLength(50);
    expect(page[0]?._id).toBe('c4996');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
