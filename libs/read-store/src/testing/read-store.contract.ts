import { DuplicateKeyError } from '../duplicate-key-error';
import type { Filter, ReadCollection, ReadDocument, ReadStore, Update } from '../read-store.port';

/**
 * The one contract suite of the read store port (docs/style.md 15): every adapter that can be reached
 * runs it. `openStore` gives a fresh, empty store for each test; the suite drops and closes it.
 */

const TIMEOUT_MS = 30_000;

const rejectionOf = async (attempt: Promise<unknown>): Promise<unknown> => {
  try {
    await attempt;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to be rejected, it resolved');
};

const idsOf = (documents: readonly ReadDocument[]): string[] => documents.map((d) => d._id);

/** Chats of two workspaces, with the shapes the projector writes. */
const chatFixtures = (): ReadDocument[] => [
  {
    _id: 'w1:c1',
    workspaceId: 'w1',
    title: 'Anna Petrova',
    unreadCount: 3,
    lastActivityAt: '2026-01-02T10:00:00.000Z',
    archived: false,
    responsible: null,
    tags: ['vip', 'lead'],
    contact: { name: 'Anna', address: { city: 'Riga' } },
    messages: [
      { id: 'm1', direction: 'in', score: 5 },
      { id: 'm2', direction: 'out', score: 9 },
    ],
  },
  {
    _id: 'w1:c2',
    workspaceId: 'w1',
    title: 'Boris',
    unreadCount: 0,
    lastActivityAt: '2026-01-03T09:00:00.000Z',
    archived: true,
    responsible: 'u1',
    tags: ['lead'],
    contact: { name: 'Boris', address: { city: 'Oslo' } },
    messages: [{ id: 'm3', direction: 'in', score: 7 }],
  },
  {
    _id: 'w1:c3',
    workspaceId: 'w1',
    title: 'clara',
    unreadCount: 1,
    lastActivityAt: '2026-01-02T10:00:00.000Z',
    archived: false,
    tags: [],
    messages: [],
  },
  {
    _id: 'w2:c1',
    workspaceId: 'w2',
    title: 'Dmitri',
    unreadCount: 7,
    lastActivityAt: '2026-01-01T08:00:00.000Z',
    archived: false,
    responsible: 'u2',
    tags: ['vip'],
    contact: { name: 'Dmitri' },
    messages: [{ id: 'm4', direction: 'out', score: 2 }],
  },
];

export const describeReadStoreContract = (
  adapterName: string,
  openStore: () => Promise<ReadStore>,
): void => {
  describe(`read store contract: ${adapterName}`, () => {
    let store: ReadStore;
    let chats: ReadCollection;

    beforeEach(async () => {
      store = await openStore();
      chats = store.collection('chats');
    }, TIMEOUT_MS);

    afterEach(async () => {
      await store.dropAll();
      await store.close();
    }, TIMEOUT_MS);

    const givenChats = async (): Promise<void> => {
      for (const chat of chatFixtures())
        await chats.replaceOne({ _id: chat._id }, chat, { upsert: true });
    };

    describe('documents in and out', () => {
      it('given an empty collection, when read, then nothing is found', async () => {
        expect(await chats.findOne({ _id: 'none' })).toBeNull();
        expect(await chats.find({})).toEqual([]);
        expect(await chats.countDocuments({})).toBe(0);
      });

      it('given a replaceOne upsert, when the document is read back, then it is equal, field for field', async () => {
        const [chat] = chatFixtures() as [ReadDocument];
        const result = await chats.replaceOne({ _id: chat._id }, chat, { upsert: true });
        expect(result).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: chat._id });
        expect(await chats.findOne({ _id: chat._id })).toEqual(chat);
      });

      it('given chats, when found and counted by workspace, then only that workspace answers', async () => {
        await givenChats();
        expect(idsOf(await chats.find({ workspaceId: 'w1' }, { sort: { _id: 1 } }))).toEqual([
          'w1:c1',
          'w1:c2',
          'w1:c3',
        ]);
        expect(await chats.countDocuments({ workspaceId: 'w2' })).toBe(1);
        expect(await chats.countDocuments({})).toBe(4);
      });

      it('given a chat, when replaced, then fields absent from the replacement are gone', async () => {
        await givenChats();
        const result = await chats.replaceOne({ _id: 'w1:c1' }, { _id: 'w1:c1', title: 'New' });
        expect(result).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
        expect(await chats.findOne({ _id: 'w1:c1' })).toEqual({ _id: 'w1:c1', title: 'New' });
      });

      it('given no match, when replaced without upsert, then nothing is written', async () => {
        const result = await chats.replaceOne({ _id: 'x' }, { _id: 'x', title: 'X' });
        expect(result).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: null });
        expect(await chats.countDocuments({})).toBe(0);
      });

      it('given a chat, when updated, then matched and modified are counted', async () => {
        await givenChats();
        expect(await chats.updateOne({ _id: 'w1:c1' }, { $set: { unreadCount: 0 } })).toEqual({
          matchedCount: 1,
          modifiedCount: 1,
          upsertedId: null,
        });
        expect(await chats.updateOne({ _id: 'w1:c1' }, { $set: { unreadCount: 0 } })).toEqual({
          matchedCount: 1,
          modifiedCount: 0,
          upsertedId: null,
        });
        expect(await chats.updateOne({ _id: 'none' }, { $set: { unreadCount: 0 } })).toEqual({
          matchedCount: 0,
          modifiedCount: 0,
          upsertedId: null,
        });
        expect(await chats.countDocuments({})).toBe(4);
      });

      it('given several matches, when updateOne runs, then exactly one document changes', async () => {
        await givenChats();
        await chats.updateOne({ workspaceId: 'w1' }, { $set: { touched: true } });
        expect(await chats.countDocuments({ touched: true })).toBe(1);
      });

      it('given chats, when deleted by a filter, then the count of deleted documents is returned', async () => {
        await givenChats();
        expect(await chats.deleteMany({ workspaceId: 'w1', archived: true })).toBe(1);
        expect(await chats.deleteMany({ workspaceId: 'none' })).toBe(0);
        expect(idsOf(await chats.find({}, { sort: { _id: 1 } }))).toEqual([
          'w1:c1',
          'w1:c3',
          'w2:c1',
        ]);
      });

      it('given two collections, when one is written, then the other is not', async () => {
        await givenChats();
        expect(await store.collection('timeline').countDocuments({})).toBe(0);
      });
    });

    describe('query operators', () => {
      const cases: readonly [string, Filter, readonly string[]][] = [
        ['implicit equality', { workspaceId: 'w2' }, ['w2:c1']],
        ['equality with an array element', { tags: 'vip' }, ['w1:c1', 'w2:c1']],
        ['equality with a whole array', { tags: ['lead'] }, ['w1:c2']],
        ['equality on null (null or missing)', { responsible: null }, ['w1:c1', 'w1:c3']],
        ['a dotted path', { 'contact.address.city': 'Riga' }, ['w1:c1']],
        ['a dotted path through an array', { 'messages.direction': 'out' }, ['w1:c1', 'w2:c1']],
        ['$eq', { unreadCount: { $eq: 0 } }, ['w1:c2']],
        ['$ne', { workspaceId: { $ne: 'w1' } }, ['w2:c1']],
        ['$ne null', { responsible: { $ne: null } }, ['w1:c2', 'w2:c1']],
        ['$gt', { unreadCount: { $gt: 1 } }, ['w1:c1', 'w2:c1']],
        ['$gte', { unreadCount: { $gte: 1 } }, ['w1:c1', 'w1:c3', 'w2:c1']],
        ['$lt', { unreadCount: { $lt: 1 } }, ['w1:c2']],
        ['$lte', { unreadCount: { $lte: 1 } }, ['w1:c2', 'w1:c3']],
        ['$gt on ISO dates', { lastActivityAt: { $gt: '2026-01-02T10:00:00.000Z' } }, ['w1:c2']],
        [
          '$gte and $lt on ISO dates',
          { lastActivityAt: { $gte: '2026-01-02T00:00:00.000Z', $lt: '2026-01-03T00:00:00.000Z' } },
          ['w1:c1', 'w1:c3'],
        ],
        ['$gt on strings', { title: { $gt: 'Boris' } }, ['w1:c3', 'w2:c1']],
        ['$in', { responsible: { $in: ['u1', 'u2'] } }, ['w1:c2', 'w2:c1']],
        ['$in with an array field', { tags: { $in: ['lead'] } }, ['w1:c1', 'w1:c2']],
        ['$nin', { tags: { $nin: ['vip'] } }, ['w1:c2', 'w1:c3']],
        ['$exists true', { contact: { $exists: true } }, ['w1:c1', 'w1:c2', 'w2:c1']],
        ['$exists false', { responsible: { $exists: false } }, ['w1:c3']],
        ['$regex', { title: { $regex: '^[AB]' } }, ['w1:c1', 'w1:c2']],
        ['$regex with $options i', { title: { $regex: '^c', $options: 'i' } }, ['w1:c3']],
        ['a RegExp value', { title: /petrova/i }, ['w1:c1']],
        ['$and', { $and: [{ workspaceId: 'w1' }, { archived: false }] }, ['w1:c1', 'w1:c3']],
        [
          '$or',
          { $or: [{ unreadCount: 0 }, { tags: 'vip', workspaceId: 'w2' }] },
          ['w1:c2', 'w2:c1'],
        ],
        ['$nor', { $nor: [{ workspaceId: 'w2' }, { archived: true }] }, ['w1:c1', 'w1:c3']],
        ['$not', { unreadCount: { $not: { $gt: 1 } } }, ['w1:c2', 'w1:c3']],
        ['$all', { tags: { $all: ['lead', 'vip'] } }, ['w1:c1']],
        ['$size', { tags: { $size: 0 } }, ['w1:c3']],
        [
          '$elemMatch with a value operator',
          { tags: { $elemMatch: { $regex: '^le' } } },
          ['w1:c1', 'w1:c2'],
        ],
        ['$elemMatch with $in', { tags: { $elemMatch: { $in: ['vip'] } } }, ['w1:c1', 'w2:c1']],
      ];

      it.each(cases)(
        'given chats, when found with %s, then the matches are %p',
        async (_label, filter, expected) => {
          await givenChats();
          expect(idsOf(await chats.find(filter, { sort: { _id: 1 } }))).toEqual(expected);
          expect(await chats.countDocuments(filter)).toBe(expected.length);
        },
      );

      it.each([
        ['an unknown query operator', { title: { $where: 'x' } }, '$where'],
        ['an unknown top-level operator', { $expr: { $eq: [1, 1] } }, '$expr'],
      ])(
        'given %s, when found, then the call is rejected naming it',
        async (_label, filter, operator) => {
          await givenChats();
          const error = await rejectionOf(chats.find(filter));
          expect(String(error)).toContain(operator);
        },
      );

      // MongoDB forms that FerretDB 1.x lacks or answers wrongly: outside the port, so every
      // adapter refuses them instead of answering them its own way.
      it.each([
        [
          '$elemMatch with a field query',
          { messages: { $elemMatch: { direction: 'in', score: { $gt: 6 } } } },
          '$elemMatch',
        ],
        [
          '$elemMatch with several operators',
          { tags: { $elemMatch: { $gte: 'a', $lt: 'm' } } },
          '$elemMatch',
        ],
        ['$elemMatch with $ne', { tags: { $elemMatch: { $ne: 'vip' } } }, '$ne'],
        ['$all with $elemMatch', { tags: { $all: [{ $elemMatch: { $regex: '^le' } }] } }, '$all'],
        ['$all with a regular expression', { tags: { $all: [/^v/] } }, '$all'],
      ])(
        'given chats, when found with %s, then the call is rejected as outside the port, naming %s',
        async (_label, filter, operator) => {
          await givenChats();
          for (const attempt of [chats.find(filter), chats.countDocuments(filter)]) {
            const error = String(await rejectionOf(attempt));
            expect(error).toContain(operator);
            expect(error).toContain('not part of the read-store port');
          }
        },
      );
    });

    describe('update operators', () => {
      const cases: readonly [string, Update, Record<string, unknown>][] = [
        [
          '$set',
          { $set: { title: 'T', 'contact.address.city': 'Oslo' } },
          { title: 'T', contact: { name: 'Anna', address: { city: 'Oslo' } } },
        ],
        [
          '$set creating objects',
          { $set: { 'deal.stage.name': 'won' } },
          { deal: { stage: { name: 'won' } } },
        ],
        [
          '$unset',
          { $unset: { contact: '', responsible: '' } },
          { contact: undefined, responsible: undefined },
        ],
        [
          '$inc',
          { $inc: { unreadCount: 2, 'stats.sent': 1 } },
          { unreadCount: 5, stats: { sent: 1 } },
        ],
        ['$push', { $push: { tags: 'new' } }, { tags: ['vip', 'lead', 'new'] }],
        [
          '$push $each',
          { $push: { tags: { $each: ['a', 'b'] } } },
          { tags: ['vip', 'lead', 'a', 'b'] },
        ],
        ['$addToSet', { $addToSet: { tags: 'vip' } }, { tags: ['vip', 'lead'] }],
        [
          '$addToSet $each',
          { $addToSet: { tags: { $each: ['vip', 'x'] } } },
          { tags: ['vip', 'lead', 'x'] },
        ],
        ['$pull a value', { $pull: { tags: 'vip' } }, { tags: ['lead'] }],
        [
          '$min',
          { $min: { unreadCount: 1, lastActivityAt: '2026-01-05T00:00:00.000Z' } },
          { unreadCount: 1, lastActivityAt: '2026-01-02T10:00:00.000Z' },
        ],
        [
          '$max',
          { $max: { unreadCount: 1, lastActivityAt: '2026-01-05T00:00:00.000Z' } },
          { unreadCount: 3, lastActivityAt: '2026-01-05T00:00:00.000Z' },
        ],
        [
          '$setOnInsert on an existing document',
          { $setOnInsert: { createdAt: 'x' } },
          { createdAt: undefined },
        ],
      ];

      it.each(cases)(
        'given a chat, when updated with %s, then the fields are %p',
        async (_label, update, expected) => {
          await givenChats();
          await chats.updateOne({ _id: 'w1:c1' }, update);
          const chat = (await chats.findOne({ _id: 'w1:c1' })) as ReadDocument;
          for (const [field, value] of Object.entries(expected)) expect(chat[field]).toEqual(value);
          expect(chat['workspaceId']).toBe('w1');
        },
      );

      it('given an unknown update operator, when updated, then the call is rejected naming it', async () => {
        await givenChats();
        const error = await rejectionOf(
          chats.updateOne({ _id: 'w1:c1' }, { $rename: { title: 'name' } }),
        );
        expect(String(error)).toContain('$rename');
      });

      // MongoDB forms that FerretDB 1.x ignores (the update succeeds and does something else):
      // outside the port, so every adapter refuses them and the chat stays as it was.
      it.each([
        [
          '$push $each $position',
          { $push: { tags: { $each: ['a', 'b'], $position: 0 } } },
          '$position',
        ],
        ['$push $each $slice', { $push: { tags: { $each: ['a', 'b'], $slice: -3 } } }, '$slice'],
        ['$push $each $sort', { $push: { tags: { $each: ['a'], $sort: 1 } } }, '$sort'],
        ['$pull by condition', { $pull: { messages: { score: { $gt: 6 } } } }, '$pull'],
        ['$pull by operator', { $pull: { tags: { $in: ['vip', 'lead'] } } }, '$pull'],
        ['$pull by a regular expression', { $pull: { tags: /^v/ } }, '$pull'],
      ])(
        'given a chat, when updated with %s, then the call is rejected as outside the port, naming %s',
        async (_label, update, operator) => {
          await givenChats();
          const error = String(await rejectionOf(chats.updateOne({ _id: 'w1:c1' }, update)));
          expect(error).toContain(operator);
          expect(error).toContain('not part of the read-store port');
          expect(await chats.findOne({ _id: 'w1:c1' })).toEqual(chatFixtures()[0]);
        },
      );
    });

    describe('upsert', () => {
      it('given no match, when upserted, then the document is built from the filter equalities and the update', async () => {
        const result = await chats.updateOne(
          { _id: 'w1:c9', workspaceId: 'w1', 'contact.name': 'Eva', unreadCount: { $gt: 5 } },
          { $set: { title: 'Eva' }, $inc: { unreadCount: 1 }, $setOnInsert: { createdAt: 't1' } },
          { upsert: true },
        );
        expect(result).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: 'w1:c9' });
        expect(await chats.findOne({ _id: 'w1:c9' })).toEqual({
          _id: 'w1:c9',
          workspaceId: 'w1',
          contact: { name: 'Eva' },
          title: 'Eva',
          unreadCount: 1,
          createdAt: 't1',
        });
      });

      it('given a match, when upserted, then it is updated and $setOnInsert is not applied', async () => {
        await chats.updateOne(
          { _id: 'a' },
          { $set: { n: 1 }, $setOnInsert: { createdAt: 't1' } },
          { upsert: true },
        );
        const result = await chats.updateOne(
          { _id: 'a' },
          { $inc: { n: 1 }, $setOnInsert: { createdAt: 't2' } },
          { upsert: true },
        );
        expect(result).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedId: null });
        expect(await chats.findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 2, createdAt: 't1' });
      });

      it('given the _id only in $setOnInsert, when upserted, then the document has it', async () => {
        const result = await chats.updateOne(
          { workspaceId: 'w1', externalId: 'e1' },
          { $setOnInsert: { _id: 'w1:e1' }, $set: { title: 'E' } },
          { upsert: true },
        );
        expect(result.upsertedId).toBe('w1:e1');
        expect(await chats.findOne({ externalId: 'e1' })).toEqual({
          _id: 'w1:e1',
          workspaceId: 'w1',
          externalId: 'e1',
          title: 'E',
        });
      });
    });

    describe('sort, skip and limit', () => {
      it('given ties on the first key, when sorted on two keys, then the second breaks them', async () => {
        await givenChats();
        const sorted = await chats.find({}, { sort: { lastActivityAt: -1, _id: -1 } });
        expect(idsOf(sorted)).toEqual(['w1:c2', 'w1:c3', 'w1:c1', 'w2:c1']);
      });

      it('given missing and null values, when sorted ascending, then they come first', async () => {
        await givenChats();
        const sorted = await chats.find({}, { sort: { responsible: 1, _id: 1 } });
        expect(idsOf(sorted)).toEqual(['w1:c1', 'w1:c3', 'w1:c2', 'w2:c1']);
      });

      it('given a dotted sort key, when sorted descending, then nested values order the documents', async () => {
        await givenChats();
        const sorted = await chats.find(
          { workspaceId: 'w1' },
          { sort: { 'contact.name': -1, _id: 1 } },
        );
        expect(idsOf(sorted)).toEqual(['w1:c2', 'w1:c1', 'w1:c3']);
      });

      it('given pages, when skipped and limited, then consecutive pages cover the sorted list once', async () => {
        await givenChats();
        const sort = { unreadCount: -1, _id: 1 } as const;
        const first = await chats.find({}, { sort, limit: 2 });
        const second = await chats.find({}, { sort, skip: 2, limit: 2 });
        const third = await chats.find({}, { sort, skip: 4, limit: 2 });
        expect(idsOf(first)).toEqual(['w2:c1', 'w1:c1']);
        expect(idsOf(second)).toEqual(['w1:c3', 'w1:c2']);
        expect(third).toEqual([]);
      });
    });

    describe('indexes', () => {
      it('given a unique index, when a second document takes the same key, then DuplicateKeyError is thrown and nothing is written', async () => {
        await chats.createIndex({
          keys: { workspaceId: 1, externalId: 1 },
          unique: true,
          name: 'by_external',
        });
        await chats.replaceOne(
          { _id: 'a' },
          { _id: 'a', workspaceId: 'w1', externalId: 'e1' },
          { upsert: true },
        );
        const byReplace = await rejectionOf(
          chats.replaceOne(
            { _id: 'b' },
            { _id: 'b', workspaceId: 'w1', externalId: 'e1' },
            { upsert: true },
          ),
        );
        const byUpdate = await rejectionOf(
          chats.updateOne(
            { _id: 'c' },
            { $set: { workspaceId: 'w1', externalId: 'e1' } },
            { upsert: true },
          ),
        );
        expect(byReplace).toBeInstanceOf(DuplicateKeyError);
        expect(byUpdate).toBeInstanceOf(DuplicateKeyError);
        expect((byReplace as DuplicateKeyError).code).toBe(11000);
        expect(idsOf(await chats.find({}))).toEqual(['a']);
      });

      it('given a unique index, when the same key is used in another workspace or rewritten in place, then it is accepted', async () => {
        await chats.createIndex({ keys: { workspaceId: 1, externalId: 1 }, unique: true });
        await chats.updateOne(
          { _id: 'a' },
          { $set: { workspaceId: 'w1', externalId: 'e1' } },
          { upsert: true },
        );
        await chats.updateOne(
          { _id: 'b' },
          { $set: { workspaceId: 'w2', externalId: 'e1' } },
          { upsert: true },
        );
        await chats.updateOne(
          { _id: 'a' },
          { $set: { workspaceId: 'w1', externalId: 'e1', n: 1 } },
        );
        await chats.updateOne({ _id: 'a' }, { $set: { externalId: 'e2' } });
        await chats.updateOne(
          { _id: 'c' },
          { $set: { workspaceId: 'w1', externalId: 'e1' } },
          { upsert: true },
        );
        expect(await chats.countDocuments({})).toBe(3);
      });

      it('given duplicates already stored, when a unique index is created, then DuplicateKeyError names the collection and the index', async () => {
        await chats.replaceOne({ _id: 'a' }, { _id: 'a', phone: '1' }, { upsert: true });
        await chats.replaceOne({ _id: 'b' }, { _id: 'b', phone: '1' }, { upsert: true });
        const unnamed = await rejectionOf(chats.createIndex({ keys: { phone: 1 }, unique: true }));
        const named = await rejectionOf(
          chats.createIndex({ keys: { phone: 1 }, unique: true, name: 'by_phone' }),
        );
        expect(unnamed).toBeInstanceOf(DuplicateKeyError);
        expect(named).toBeInstanceOf(DuplicateKeyError);
        expect((unnamed as DuplicateKeyError).collection).toBe('chats');
        expect((unnamed as DuplicateKeyError).indexName).toBe('phone_1');
        expect((named as DuplicateKeyError).indexName).toBe('by_phone');
      });

      it('given a plain index, when created twice, then both calls succeed and queries still answer', async () => {
        await givenChats();
        await chats.createIndex({ keys: { workspaceId: 1, lastActivityAt: -1 } });
        await chats.createIndex({ keys: { workspaceId: 1, lastActivityAt: -1 } });
        expect(await chats.countDocuments({ workspaceId: 'w1' })).toBe(3);
      });
    });

    describe('ensureCollection', () => {
      it('given no collection, when it is ensured twice, then both calls succeed and it reads empty and takes writes', async () => {
        await store.ensureCollection('read_model_versions');
        await store.ensureCollection('read_model_versions');
        const pointers = store.collection('read_model_versions');
        expect(await pointers.find({})).toEqual([]);
        await pointers.replaceOne({ _id: 'chats' }, { _id: 'chats', version: 1 }, { upsert: true });
        expect(await pointers.findOne({ _id: 'chats' })).toEqual({ _id: 'chats', version: 1 });
      });

      it('given a collection with documents and a unique index, when ensured, then both are kept', async () => {
        await givenChats();
        await chats.createIndex({ keys: { title: 1 }, unique: true });
        await store.ensureCollection('chats');
        expect(await chats.countDocuments({})).toBe(4);
        const error = await rejectionOf(
          chats.replaceOne({ _id: 'w9:c9' }, { _id: 'w9:c9', title: 'Boris' }, { upsert: true }),
        );
        expect(error).toBeInstanceOf(DuplicateKeyError);
      });

      it('given several processes booting at once, when each ensures the same collection, then every one succeeds', async () => {
        await expect(
          Promise.all(Array.from({ length: 5 }, () => store.ensureCollection('booting'))),
        ).resolves.toHaveLength(5);
        expect(await store.collection('booting').countDocuments({})).toBe(0);
      });

      it('given a name no collection can have, when ensured, then the call is rejected', async () => {
        await expect(store.ensureCollection('')).rejects.toThrow();
      });
    });

    describe('dropAll', () => {
      it('given collections with documents and a unique index, when dropped, then all are empty and the index is gone', async () => {
        await givenChats();
        await chats.createIndex({ keys: { title: 1 }, unique: true });
        await store
          .collection('timeline')
          .replaceOne({ _id: 't1' }, { _id: 't1' }, { upsert: true });
        await store.dropAll();
        expect(await chats.countDocuments({})).toBe(0);
        expect(await store.collection('timeline').countDocuments({})).toBe(0);
        await chats.replaceOne({ _id: 'a' }, { _id: 'a', title: 'same' }, { upsert: true });
        await chats.replaceOne({ _id: 'b' }, { _id: 'b', title: 'same' }, { upsert: true });
        expect(await chats.countDocuments({ title: 'same' })).toBe(2);
      });
    });

    describe('dropCollection', () => {
      it('given two collections, when one is dropped, then its documents and indexes are gone and the other is kept', async () => {
        await givenChats();
        await chats.createIndex({ keys: { title: 1 }, unique: true });
        const timeline = store.collection('timeline');
        await timeline.replaceOne({ _id: 't1' }, { _id: 't1' }, { upsert: true });
        await store.dropCollection('chats');
        expect(await chats.countDocuments({})).toBe(0);
        expect(await timeline.countDocuments({})).toBe(1);
        await chats.replaceOne({ _id: 'a' }, { _id: 'a', title: 'same' }, { upsert: true });
        await chats.replaceOne({ _id: 'b' }, { _id: 'b', title: 'same' }, { upsert: true });
        expect(await chats.countDocuments({ title: 'same' })).toBe(2);
      });

      it('given a collection that does not exist, when dropped, then nothing fails', async () => {
        await expect(store.dropCollection('never_written')).resolves.toBeUndefined();
      });
    });

    describe('isolation', () => {
      it('given a document read out, when the caller mutates it, then the store is not affected', async () => {
        await givenChats();
        const chat = (await chats.findOne({ _id: 'w1:c1' })) as ReadDocument;
        (chat['tags'] as string[]).push('mutated');
        (chat['contact'] as { name: string }).name = 'mutated';
        const [found] = await chats.find({ _id: 'w1:c1' });
        (found?.['messages'] as unknown[]).length = 0;
        expect(await chats.findOne({ _id: 'w1:c1' })).toEqual(chatFixtures()[0]);
      });

      it('given a document written in, when the caller mutates what it passed, then the store is not affected', async () => {
        const replacement = { _id: 'a', tags: ['x'], contact: { name: 'A' } };
        await chats.replaceOne({ _id: 'a' }, replacement, { upsert: true });
        const tags = ['y'];
        await chats.updateOne(
          { _id: 'a' },
          { $set: { more: tags }, $push: { tags: { $each: tags } } },
        );
        replacement.tags.push('mutated');
        replacement.contact.name = 'mutated';
        tags.push('mutated');
        expect(await chats.findOne({ _id: 'a' })).toEqual({
          _id: 'a',
          tags: ['x', 'y'],
          contact: { name: 'A' },
          more: ['y'],
        });
      });
    });
  });
};
