import type { Update } from '../read-store.port';
import { applyUpdate, upsertSeed, validateUpdate } from './update-applier';

const chat = () => ({
  _id: 'c1',
  unreadCount: 2,
  tags: ['vip', 'lead'],
  contact: { name: 'Anna' },
  messages: [
    { id: 'm1', score: 5 },
    { id: 'm2', score: 9 },
  ],
  lastActivityAt: '2026-01-02T10:00:00.000Z',
});

describe('update applier', () => {
  const cases: readonly [string, Update, Record<string, unknown>][] = [
    ['$set a field', { $set: { unreadCount: 0 } }, { unreadCount: 0 }],
    ['$set a dotted path', { $set: { 'contact.name': 'Anya' } }, { contact: { name: 'Anya' } }],
    [
      '$set creates intermediate objects',
      { $set: { 'deal.stage.name': 'won' } },
      { deal: { stage: { name: 'won' } } },
    ],
    ['$set an array element by index', { $set: { 'tags.1': 'cold' } }, { tags: ['vip', 'cold'] }],
    [
      '$set a field of an array element',
      { $set: { 'messages.0.score': 1 } },
      {
        messages: [
          { id: 'm1', score: 1 },
          { id: 'm2', score: 9 },
        ],
      },
    ],
    [
      '$set past the end pads with null',
      { $set: { 'tags.3': 'x' } },
      { tags: ['vip', 'lead', null, 'x'] },
    ],
    ['$unset a field', { $unset: { contact: '' } }, { contact: undefined }],
    ['$unset a dotted path', { $unset: { 'contact.name': 1 } }, { contact: {} }],
    ['$unset a missing path', { $unset: { 'deal.stage': 1 } }, { deal: undefined }],
    ['$inc', { $inc: { unreadCount: 3 } }, { unreadCount: 5 }],
    ['$inc negative', { $inc: { unreadCount: -2 } }, { unreadCount: 0 }],
    ['$inc a missing field', { $inc: { 'stats.sent': 1 } }, { stats: { sent: 1 } }],
    ['$push', { $push: { tags: 'new' } }, { tags: ['vip', 'lead', 'new'] }],
    [
      '$push an array as one element',
      { $push: { tags: ['a', 'b'] } },
      { tags: ['vip', 'lead', ['a', 'b']] },
    ],
    ['$push to a missing field', { $push: { notes: 'n1' } }, { notes: ['n1'] }],
    [
      '$push $each',
      { $push: { tags: { $each: ['a', 'b'] } } },
      { tags: ['vip', 'lead', 'a', 'b'] },
    ],
    ['$push $each of nothing', { $push: { tags: { $each: [] } } }, { tags: ['vip', 'lead'] }],
    ['$addToSet a new value', { $addToSet: { tags: 'new' } }, { tags: ['vip', 'lead', 'new'] }],
    ['$addToSet an existing value', { $addToSet: { tags: 'vip' } }, { tags: ['vip', 'lead'] }],
    [
      '$addToSet $each',
      { $addToSet: { tags: { $each: ['vip', 'a', 'a'] } } },
      { tags: ['vip', 'lead', 'a'] },
    ],
    ['$addToSet to a missing field', { $addToSet: { labels: 'x' } }, { labels: ['x'] }],
    [
      '$addToSet an equal document',
      { $addToSet: { messages: { id: 'm1', score: 5 } } },
      { messages: chat().messages },
    ],
    ['$pull a value', { $pull: { tags: 'vip' } }, { tags: ['lead'] }],
    ['$pull a value not there', { $pull: { tags: 'cold' } }, { tags: ['vip', 'lead'] }],
    ['$pull from a missing field', { $pull: { labels: 'x' } }, { labels: undefined }],
    [
      '$setOnInsert is ignored on update',
      { $setOnInsert: { createdAt: 'now' } },
      { createdAt: undefined },
    ],
    ['$min lower', { $min: { unreadCount: 1 } }, { unreadCount: 1 }],
    ['$min higher', { $min: { unreadCount: 7 } }, { unreadCount: 2 }],
    ['$min missing', { $min: { low: 7 } }, { low: 7 }],
    [
      '$max ISO date later',
      { $max: { lastActivityAt: '2026-02-01T00:00:00.000Z' } },
      { lastActivityAt: '2026-02-01T00:00:00.000Z' },
    ],
    [
      '$max ISO date earlier',
      { $max: { lastActivityAt: '2025-02-01T00:00:00.000Z' } },
      { lastActivityAt: '2026-01-02T10:00:00.000Z' },
    ],
    [
      'several operators',
      { $set: { 'contact.name': 'A' }, $inc: { unreadCount: 1 }, $push: { tags: 'x' } },
      { contact: { name: 'A' }, unreadCount: 3, tags: ['vip', 'lead', 'x'] },
    ],
  ];

  it.each(cases)(
    'given a chat, when updated with %s, then the fields become %p',
    (_label, update, expected) => {
      const before = chat();
      const after = applyUpdate(before, update);
      for (const [field, value] of Object.entries(expected))
        expect(after[field as keyof typeof after]).toEqual(value);
      expect(before).toEqual(chat());
    },
  );

  it('given an insert, when $setOnInsert applies, then it sets the fields', () => {
    expect(
      applyUpdate({ _id: 'n' }, { $setOnInsert: { createdAt: 't' } }, { inserting: true }),
    ).toEqual({
      _id: 'n',
      createdAt: 't',
    });
  });

  it.each([
    ['an unknown operator', { $rename: { a: 'b' } }, 'Unsupported update operator: $rename'],
    ['$currentDate (time comes from the clock)', { $currentDate: { at: true } }, '$currentDate'],
    ['a plain field', { unreadCount: 1 }, "operators only, found field 'unreadCount'"],
    ['an empty update', {}, 'at least one operator'],
    ['$inc on a string', { $inc: { 'contact.name': 1 } }, '$inc'],
    ['$inc by a string', { $inc: { unreadCount: '1' } }, '$inc'],
    ['$push on a non-array', { $push: { unreadCount: 1 } }, '$push'],
    [
      '$addToSet with $slice',
      { $addToSet: { tags: { $each: ['a'], $slice: 1 } } },
      'Unsupported $addToSet modifier: $slice',
    ],
    ['$set through a scalar', { $set: { 'unreadCount.x': 1 } }, 'Cannot create field'],
    ['$set _id', { $set: { _id: 'other' } }, "immutable field '_id'"],
  ])('given %s, when applied, then it throws', (_label, update, message) => {
    expect(() => applyUpdate(chat(), update)).toThrow(message);
  });

  it.each([
    [
      '$push $each $position',
      { $push: { tags: { $each: ['a'], $position: 0 } } },
      '$push modifier $position',
      'FerretDB 1.x ignores it',
    ],
    [
      '$push $each $slice',
      { $push: { tags: { $each: ['a'], $slice: -2 } } },
      '$push modifier $slice',
      'FerretDB 1.x ignores it',
    ],
    [
      '$push $each $sort',
      { $push: { tags: { $each: ['a'], $sort: 1 } } },
      '$push modifier $sort',
      'FerretDB 1.x ignores it',
    ],
    [
      '$pull by operator',
      { $pull: { tags: { $in: ['vip', 'lead'] } } },
      '$pull by operator ($in)',
      'FerretDB 1.x ignores it',
    ],
    [
      '$pull by condition',
      { $pull: { messages: { score: { $gt: 6 } } } },
      '$pull by condition (a document)',
      'FerretDB 1.x only removes equal documents',
    ],
    [
      '$pull of a whole document',
      { $pull: { messages: { id: 'm1', score: 5 } } },
      '$pull by condition (a document)',
      'FerretDB 1.x only removes equal documents',
    ],
    [
      '$pull by a regular expression',
      { $pull: { tags: /^v/ } },
      '$pull by a regular expression',
      'FerretDB 1.x ignores it',
    ],
  ])(
    'given %s (outside the port), when applied, then it throws naming the form and why',
    (_label, update, form, why) => {
      expect(() => applyUpdate(chat(), { $set: { unreadCount: 0 }, ...update })).toThrow(
        `${form} is not part of the read-store port (`,
      );
      expect(() => validateUpdate(update)).toThrow(why);
    },
  );

  it('given values set from the caller, when the caller mutates them, then the document is not affected', () => {
    const tags = ['a'];
    const after = applyUpdate(chat(), { $set: { tags } });
    tags.push('b');
    expect(after.tags).toEqual(['a']);
  });
});

describe('upsert seed', () => {
  it('given equalities, $eq and $and clauses, then the seed holds them with dotted paths expanded', () => {
    expect(
      upsertSeed({
        _id: 'c1',
        'contact.name': 'Anna',
        unreadCount: { $gt: 1 },
        stage: { $eq: 'new' },
        title: /x/,
        $and: [{ workspaceId: 'w1' }],
        $or: [{ a: 1 }, { a: 2 }],
      }),
    ).toEqual({ _id: 'c1', contact: { name: 'Anna' }, stage: 'new', workspaceId: 'w1' });
  });
});
