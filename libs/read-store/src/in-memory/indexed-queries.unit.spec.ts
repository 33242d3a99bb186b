import type { Filter, FindOptions, ReadCollection, ReadDocument, Update } from '../read-store.port';
import { createInMemoryReadStore } from './in-memory-read-store';
import { seededRandom } from '@parley/test-infra';

/**
 * Property: the embedded store answers the same with indexes as without, in the same order.
 * Two stores take the same random writes (chats whose keys move, go missing, turn null, change
 * type or become arrays) and the same random chat-list queries; one has the chat list's
 * indexes, created before or after the writes.
 */

const randomFrom = seededRandom;

const INDEXES = [
  { keys: { workspaceId: 1, lastActivityAt: -1 } },
  { keys: { workspaceId: 1, archived: 1, unreadCount: -1 } },
  { keys: { 'deal.stage': 1 } },
] as const;

const SORTS: readonly (FindOptions['sort'] | undefined)[] = [
  undefined,
  { lastActivityAt: -1, _id: -1 },
  { lastActivityAt: 1 },
  { lastActivityAt: -1 },
  { workspaceId: 1, lastActivityAt: -1 },
  { unreadCount: -1, _id: 1 },
  { archived: 1, unreadCount: 1 },
  { 'deal.stage': -1, _id: 1 },
  { _id: 1 },
];

const scenario = (seed: number) => {
  const random = randomFrom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const times = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'];
  const activity = (): unknown =>
    pick([...times, ...times, null, undefined, 5, [pick(times), pick(times)]]);
  const chat = (id: string): ReadDocument => {
    const document: ReadDocument = {
      _id: id,
      workspaceId: pick(['w1', 'w1', 'w2', 'w3']),
      unreadCount: pick([0, 1, 2, 3]),
      archived: pick([false, false, true]),
    };
    const at = activity();
    if (at !== undefined) document['lastActivityAt'] = at;
    if (random() < 0.7) document['deal'] = { stage: pick(['new', 'won', null, ['a', 'b']]) };
    return document;
  };
  const update = (): Update =>
    pick<Update>([
      { $set: { lastActivityAt: pick(times) } },
      { $set: { lastActivityAt: activity() ?? null } },
      { $unset: { lastActivityAt: '' } },
      { $inc: { unreadCount: 1 } },
      { $set: { archived: random() < 0.5 } },
      { $set: { workspaceId: pick(['w1', 'w2']) } },
      { $set: { 'deal.stage': pick(['new', 'won', ['x']]) } },
      { $max: { lastActivityAt: pick(times) } },
    ]);
  const filter = (): Filter => {
    const filter: Record<string, unknown> = {};
    if (random() < 0.85) filter['workspaceId'] = pick(['w1', 'w2', 'w3', 'none']);
    if (random() < 0.4) filter['archived'] = random() < 0.5 ? false : { $eq: true };
    if (random() < 0.3) filter['unreadCount'] = pick<unknown>([{ $gt: 0 }, 2, { $in: [0, 3] }]);
    if (random() < 0.3) filter['deal.stage'] = pick<unknown>(['new', null, 'a']);
    if (random() < 0.3) {
      const after = pick(times);
      filter['$or'] = [
        { lastActivityAt: { $lt: after } },
        { lastActivityAt: after, _id: { $lt: `c${Math.floor(random() * 40)}` } },
      ];
    }
    return filter;
  };
  const options = (): FindOptions => {
    const sort = pick(SORTS);
    return {
      ...(sort ? { sort } : {}),
      ...(random() < 0.3 ? { skip: Math.floor(random() * 5) } : {}),
      ...(random() < 0.7 ? { limit: pick([1, 3, 10, 0]) } : {}),
    };
  };
  return { random, pick, chat, update, filter, options };
};

const writeBoth = async (
  collections: readonly ReadCollection[],
  write: (collection: ReadCollection) => Promise<unknown>,
): Promise<void> => {
  for (const collection of collections) await write(collection);
};

describe('embedded store: the same answers with indexes as without', () => {
  it.each(Array.from({ length: 25 }, (_, i) => i + 1))(
    'given random chats and writes (seed %i), when queried through indexes and by scanning, then the answers are equal',
    async (seed) => {
      const { random, pick, chat, update, filter, options } = scenario(seed);
      const indexed = createInMemoryReadStore().collection('chats');
      const scanned = createInMemoryReadStore().collection('chats');
      const indexesFirst = seed % 2 === 0;
      if (indexesFirst) for (const spec of INDEXES) await indexed.createIndex(spec);
      for (let step = 0; step < 150; step += 1) {
        const id = `c${Math.floor(random() * 40)}`;
        const roll = random();
        if (roll < 0.4) {
          const document = chat(id);
          await writeBoth([indexed, scanned], (c) =>
            c.replaceOne({ _id: id }, document, { upsert: true }),
          );
        } else if (roll < 0.9) {
          const change = update();
          await writeBoth([indexed, scanned], (c) => c.updateOne({ _id: id }, change));
        } else {
          const doomed = pick<Filter>([{ _id: id }, { workspaceId: 'w3', archived: true }]);
          await writeBoth([indexed, scanned], (c) => c.deleteMany(doomed));
        }
      }
      if (!indexesFirst) for (const spec of INDEXES) await indexed.createIndex(spec);
      for (let query = 0; query < 60; query += 1) {
        const where = filter();
        const page = options();
        expect(await indexed.find(where, page)).toEqual(await scanned.find(where, page));
        expect(await indexed.countDocuments(where)).toBe(await scanned.countDocuments(where));
        expect(await indexed.findOne(where)).toEqual(await scanned.findOne(where));
      }
    },
  );

  it('given chats whose indexed key moves, when the chat list is read through the index, then it follows the moves', async () => {
    const chats = createInMemoryReadStore().collection('chats');
    await chats.createIndex({ keys: { workspaceId: 1, lastActivityAt: -1 } });
    for (const [id, at] of [
      ['a', '2026-01-01'],
      ['b', '2026-01-02'],
      ['c', '2026-01-03'],
    ] as const) {
      await chats.replaceOne({ _id: id }, { _id: id, workspaceId: 'w1', lastActivityAt: at });
      await chats.updateOne(
        { _id: id },
        { $set: { workspaceId: 'w1', lastActivityAt: at } },
        { upsert: true },
      );
    }
    await chats.updateOne({ _id: 'a' }, { $set: { lastActivityAt: '2026-01-04' } });
    await chats.deleteMany({ _id: 'c' });
    const page = await chats.find(
      { workspaceId: 'w1' },
      { sort: { lastActivityAt: -1, _id: -1 }, limit: 2 },
    );
    expect(page.map((d) => d._id)).toEqual(['a', 'b']);
    expect(await chats.countDocuments({ workspaceId: 'w1' })).toBe(2);
  });
});
