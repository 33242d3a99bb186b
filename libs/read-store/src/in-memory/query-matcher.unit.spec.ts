import type { Filter } from '../read-store.port';
import { matchesFilter } from './query-matcher';
import { validateFilter } from './query-validation';

const chat = {
  _id: 'c1',
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
};

describe('query matcher', () => {
  const cases: readonly [string, Filter, boolean][] = [
    ['an empty filter', {}, true],
    ['implicit equality', { workspaceId: 'w1' }, true],
    ['implicit equality, other value', { workspaceId: 'w2' }, false],
    ['several fields (and)', { workspaceId: 'w1', unreadCount: 3 }, true],
    ['equality with an element of an array', { tags: 'vip' }, true],
    ['equality with no element of an array', { tags: 'cold' }, false],
    ['equality with the whole array', { tags: ['vip', 'lead'] }, true],
    ['equality with the array in another order', { tags: ['lead', 'vip'] }, false],
    ['equality on null matches null', { responsible: null }, true],
    ['equality on null matches a missing field', { deal: null }, true],
    ['equality on null does not match a value', { workspaceId: null }, false],
    [
      'equality with an embedded document',
      { contact: { name: 'Anna', address: { city: 'Riga' } } },
      true,
    ],
    [
      'equality with an embedded document, fields reordered',
      { contact: { address: { city: 'Riga' }, name: 'Anna' } },
      false,
    ],
    ['a dotted path', { 'contact.address.city': 'Riga' }, true],
    ['a dotted path, other value', { 'contact.address.city': 'Oslo' }, false],
    ['a dotted path through an array', { 'messages.direction': 'out' }, true],
    ['a dotted path with an index', { 'messages.1.id': 'm2' }, true],
    ['a dotted path with a wrong index', { 'messages.0.id': 'm2' }, false],
    ['a dotted path through a scalar', { 'title.x': null }, true],
    ['$eq', { unreadCount: { $eq: 3 } }, true],
    ['$ne on another value', { unreadCount: { $ne: 4 } }, true],
    ['$ne on the value', { unreadCount: { $ne: 3 } }, false],
    ['$ne on an array element', { tags: { $ne: 'vip' } }, false],
    ['$ne null on a missing field', { deal: { $ne: null } }, false],
    ['$ne on a missing field', { deal: { $ne: 'x' } }, true],
    ['$gt number', { unreadCount: { $gt: 2 } }, true],
    ['$gt number, equal', { unreadCount: { $gt: 3 } }, false],
    ['$gte number, equal', { unreadCount: { $gte: 3 } }, true],
    ['$lt number', { unreadCount: { $lt: 3 } }, false],
    ['$lte number', { unreadCount: { $lte: 3 } }, true],
    ['$gt and $lt together', { unreadCount: { $gt: 1, $lt: 5 } }, true],
    ['$gt ISO date as string', { lastActivityAt: { $gt: '2026-01-01T00:00:00.000Z' } }, true],
    ['$lt ISO date as string', { lastActivityAt: { $lt: '2026-01-01T00:00:00.000Z' } }, false],
    ['$gt string', { title: { $gt: 'Anna' } }, true],
    ['$gt across types never matches', { unreadCount: { $gt: '1' } }, false],
    ['$lt on a missing field', { deal: { $lt: 10 } }, false],
    ['$gt on array elements', { 'messages.score': { $gt: 8 } }, true],
    ['$in', { workspaceId: { $in: ['w0', 'w1'] } }, true],
    ['$in without the value', { workspaceId: { $in: ['w0'] } }, false],
    ['$in with an array field', { tags: { $in: ['cold', 'lead'] } }, true],
    ['$in with null matches a missing field', { deal: { $in: [null] } }, true],
    ['$in with a RegExp', { title: { $in: [/^ann/i] } }, true],
    ['$nin', { workspaceId: { $nin: ['w0', 'w1'] } }, false],
    ['$nin without the value', { tags: { $nin: ['cold'] } }, true],
    ['$exists true', { contact: { $exists: true } }, true],
    ['$exists true on null', { responsible: { $exists: true } }, true],
    ['$exists false on a missing field', { deal: { $exists: false } }, true],
    ['$exists on a dotted path', { 'contact.address.zip': { $exists: true } }, false],
    ['$regex', { title: { $regex: 'Petr' } }, true],
    ['$regex is case-sensitive', { title: { $regex: 'petr' } }, false],
    ['$regex with $options i', { title: { $regex: 'petr', $options: 'i' } }, true],
    ['$regex with a RegExp', { title: { $regex: /^anna/i } }, true],
    ['a RegExp as value', { title: /petrova$/i }, true],
    ['$regex on array elements', { tags: { $regex: '^le' } }, true],
    ['$regex on a number', { unreadCount: { $regex: '3' } }, false],
    ['$and', { $and: [{ workspaceId: 'w1' }, { unreadCount: 3 }] }, true],
    ['$and with one failing clause', { $and: [{ workspaceId: 'w1' }, { unreadCount: 4 }] }, false],
    ['$or', { $or: [{ workspaceId: 'w2' }, { unreadCount: 3 }] }, true],
    ['$or with no clause holding', { $or: [{ workspaceId: 'w2' }, { unreadCount: 4 }] }, false],
    ['$nor', { $nor: [{ workspaceId: 'w2' }, { unreadCount: 4 }] }, true],
    ['$nor with a clause holding', { $nor: [{ workspaceId: 'w1' }] }, false],
    ['$not', { unreadCount: { $not: { $gt: 5 } } }, true],
    ['$not holding', { unreadCount: { $not: { $gt: 1 } } }, false],
    ['$not on a missing field', { deal: { $not: { $gt: 1 } } }, true],
    ['$not with a RegExp', { title: { $not: /^Boris/ } }, true],
    ['$all', { tags: { $all: ['lead', 'vip'] } }, true],
    ['$all with a missing element', { tags: { $all: ['lead', 'cold'] } }, false],
    ['$all empty matches nothing', { tags: { $all: [] } }, false],
    ['$size', { tags: { $size: 2 } }, true],
    ['$size other', { tags: { $size: 1 } }, false],
    ['$size on a non-array', { title: { $size: 1 } }, false],
    [
      'conditions on a path through an array may hold on different elements',
      { 'messages.direction': 'in', 'messages.score': { $gt: 6 } },
      true,
    ],
    ['$elemMatch with $regex', { tags: { $elemMatch: { $regex: '^le' } } }, true],
    ['$elemMatch with $regex, none', { tags: { $elemMatch: { $regex: '^x' } } }, false],
    [
      '$elemMatch with $regex and $options',
      { tags: { $elemMatch: { $regex: '^LE', $options: 'i' } } },
      true,
    ],
    ['$elemMatch with $in', { tags: { $elemMatch: { $in: ['cold', 'lead'] } } }, true],
    ['$elemMatch with $gt', { tags: { $elemMatch: { $gt: 'w' } } }, false],
    ['$not with $elemMatch', { tags: { $not: { $elemMatch: { $eq: 'vip' } } } }, false],
    ['$elemMatch on a non-array', { title: { $elemMatch: { $eq: 'a' } } }, false],
    [
      'nested logic',
      { $or: [{ $and: [{ archived: false }, { tags: 'vip' }] }, { unreadCount: 0 }] },
      true,
    ],
  ];

  it.each(cases)('given a chat, when matched with %s, then %p', (_label, filter, expected) => {
    expect(matchesFilter(chat, filter)).toBe(expected);
  });

  it.each([
    ['$where', { $where: 'true' }],
    ['$expr', { $expr: { $eq: ['$a', 1] } }],
    ['$type', { title: { $type: 'string' } }],
    ['$mod', { unreadCount: { $mod: [2, 1] } }],
    ['$near', { title: { $gt: 'a', $near: 1 } }],
  ])('given an unknown operator %s, when matched, then an error names it', (operator, filter) => {
    expect(() => matchesFilter(chat, filter)).toThrow(operator);
  });

  it.each([
    ['$in without an array', { title: { $in: 'a' } }, '$in needs an array'],
    ['$or without clauses', { $or: [] }, '$or needs a non-empty array'],
    ['$options without $regex', { title: { $options: 'i' } }, '$options needs $regex'],
    ['$not with a value', { title: { $not: 'a' } }, '$not needs'],
    [
      '$elemMatch without an operator',
      { tags: { $elemMatch: {} } },
      '$elemMatch needs a value operator',
    ],
    ['$all with an operator document', { tags: { $all: [{ $gt: 'a' }] } }, '$all needs values'],
  ])('given a malformed query (%s), when matched, then it throws', (_label, filter, message) => {
    expect(() => matchesFilter(chat, filter)).toThrow(message);
  });

  it('given dates as Date objects, when compared, then they compare by instant', () => {
    const document = { _id: 'd', at: new Date('2026-01-02T00:00:00Z') };
    expect(matchesFilter(document, { at: { $gt: new Date('2026-01-01T00:00:00Z') } })).toBe(true);
    expect(matchesFilter(document, { at: new Date('2026-01-02T00:00:00Z') })).toBe(true);
  });
});

describe('query validation', () => {
  it.each([
    ['in a later $or clause', { $or: [{ a: 1 }, { b: { $type: 'string' } }] }, '$type'],
    ['inside $not', { a: { $not: { $mod: [2, 0] } } }, '$mod'],
    ['inside $elemMatch', { a: { $elemMatch: { $near: 1 } } }, '$near'],
    ['at the top level', { $text: { $search: 'x' } }, '$text'],
  ])(
    'given an unsupported operator %s, when validated, then an error names it',
    (_l, filter, op) => {
      expect(() => validateFilter(filter)).toThrow(op);
    },
  );

  it('given only supported operators, when validated, then it passes', () => {
    const filter = {
      $or: [{ a: { $not: { $gt: 1 } } }, { b: { $elemMatch: { $in: [1] } } }],
      d: { $regex: 'x', $options: 'i' },
    };
    expect(() => validateFilter(filter)).not.toThrow();
    expect(matchesFilter({ _id: 'x', a: 0, d: 'X' }, filter)).toBe(true);
  });
});

describe('query forms outside the port (MongoDB answers them, FerretDB 1.x does not)', () => {
  it.each([
    [
      '$elemMatch with a field query',
      { messages: { $elemMatch: { direction: 'in', score: { $gt: 4 } } } },
      "$elemMatch with a field query ('direction')",
    ],
    [
      '$elemMatch with several operators',
      { tags: { $elemMatch: { $gte: 'a', $lt: 'm' } } },
      '$elemMatch with several operators ($gte $lt)',
    ],
    ['$elemMatch with $ne', { tags: { $elemMatch: { $ne: 'vip' } } }, '$elemMatch with $ne'],
    [
      '$elemMatch with $not',
      { tags: { $elemMatch: { $not: { $eq: 'vip' } } } },
      '$elemMatch with $not',
    ],
    ['$elemMatch with $nin', { tags: { $elemMatch: { $nin: ['vip'] } } }, '$elemMatch with $nin'],
    [
      '$elemMatch with $exists',
      { tags: { $elemMatch: { $exists: true } } },
      '$elemMatch with $exists',
    ],
    [
      '$elemMatch with $and',
      { messages: { $elemMatch: { $and: [{ score: 5 }] } } },
      '$elemMatch with $and',
    ],
    ['$elemMatch with $size', { tags: { $elemMatch: { $size: 1 } } }, '$elemMatch with $size'],
    [
      '$elemMatch comparing with a document',
      { messages: { $elemMatch: { $eq: { id: 'm1', direction: 'in', score: 5 } } } },
      '$elemMatch comparing elements with a document or an array ($eq)',
    ],
    [
      '$elemMatch with $in of documents',
      { messages: { $elemMatch: { $in: [{ id: 'm1', direction: 'in', score: 5 }] } } },
      '$elemMatch comparing elements with a document or an array ($in)',
    ],
    [
      '$all with $elemMatch',
      { tags: { $all: [{ $elemMatch: { $regex: '^le' } }] } },
      '$all with $elemMatch',
    ],
    [
      '$all with a regular expression',
      { tags: { $all: [/^v/] } },
      '$all with a regular expression',
    ],
    [
      'a form outside the port in a later $or clause',
      { $or: [{ workspaceId: 'w2' }, { tags: { $all: [/^v/] } }] },
      '$all with a regular expression',
    ],
  ])(
    'given %s, when validated or matched, then an error names the form and says why',
    (_label, filter, form) => {
      const message = `${form} is not part of the read-store port (FerretDB 1.x`;
      expect(() => validateFilter(filter)).toThrow(message);
      expect(() => matchesFilter(chat, { $or: [filter] })).toThrow(message);
    },
  );
});
