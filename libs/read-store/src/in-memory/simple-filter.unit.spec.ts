import { isDeepStrictEqual } from 'node:util';
import type { Filter } from '../read-store.port';
import { compileFilter, compileFilterWithMingo } from './query-matcher';
import { compileSimpleFilter } from './simple-filter';
import { seededRandom } from '@parley/test-infra';

/**
 * Property: the fast path (simple-filter.ts) answers every document as mingo alone does.
 * Random documents put missing fields, undefined, null, numbers (with -0, NaN, Infinity),
 * strings, booleans, nested documents, arrays, dates and odd objects on dotted paths; random
 * filters take the fast shapes (equality, `$eq`, `$exists`, ranges, `$and`, `$or`) and some
 * others. compileFilter and the pure-mingo oracle must agree on each pair, errors included.
 */

const randomFrom = seededRandom;

class Box {
  constructor(readonly b: number) {}
}

const KEYS = ['a', 'b', 's1', '0', 'toString'] as const;
const PATHS = ['a', 'b', 'a.b', 'a.b.a', 'b.0', 'a.0.b', '_applied.s1', '_id', 'toString', 'a.s1'];
const NUMBERS = [0, 1, 2, 5, -0, 2.5, -3];
const STRINGS = ['1', '5', 'a', 'b', 'B', ''];
const ODD_NUMBERS = [NaN, Infinity, -Infinity];

const scenario = (seed: number) => {
  const random = randomFrom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const scalar = (): unknown =>
    pick<() => unknown>([
      () => pick(NUMBERS),
      () => pick(STRINGS),
      () => random() < 0.5,
      () => null,
    ])();

  const value = (depth: number): unknown => {
    const roll = random();
    if (roll < 0.5 || depth > 2) return scalar();
    if (roll < 0.55) return pick(ODD_NUMBERS);
    if (roll < 0.58) return undefined;
    if (roll < 0.78) return object(depth + 1);
    if (roll < 0.92)
      return Array.from({ length: Math.floor(random() * 3) }, () => value(depth + 1));
    return pick<() => unknown>([
      () => new Date(Date.UTC(2026, 0, 1 + Math.floor(random() * 3))),
      () => new Box(pick(NUMBERS)),
      () => ({ constructor: { name: 'Number' }, b: 1 }),
      () => Object.assign(Object.create(null) as object, { b: pick(NUMBERS) }),
      () => /a/,
      () => BigInt(1),
    ])();
  };

  const object = (depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key of KEYS) if (random() < 0.45) out[key] = value(depth);
    return out;
  };

  const document = (index: number): unknown => {
    if (random() < 0.01) return pick<unknown>([5, 'x', null, new Date(0), []]);
    const out = object(0);
    if (random() < 0.9) out['_id'] = pick([`d${index % 7}`, 'd1', 1]);
    if (random() < 0.6) out['_applied'] = random() < 0.8 ? { s1: value(1) } : value(1);
    return out;
  };

  const fastOperand = (): unknown => pick<unknown>([...NUMBERS, ...STRINGS, true, false]);
  const rangeOperand = (): unknown => pick<unknown>([...NUMBERS, ...STRINGS]);
  const RANGES = ['$lt', '$lte', '$gt', '$gte'] as const;

  /** A field condition of the fast shapes, or now and then one the fast path leaves to mingo. */
  const condition = (): unknown => {
    if (random() < 0.12) {
      return pick<() => unknown>([
        () => null,
        () => ({ $ne: fastOperand() }),
        () => ({ $in: [fastOperand(), null] }),
        () => ({ $exists: 1 }),
        () => ({ $gte: null }),
        () => ({ $lt: pick(ODD_NUMBERS) }),
        () => ({ $eq: pick(ODD_NUMBERS) }),
        () => pick(ODD_NUMBERS),
        () => ({ b: 1 }),
        () => [1, 2],
        () => /^a/,
        () => new Date(Date.UTC(2026, 0, 2)),
        () => ({ $size: 1 }),
        () => ({ $regex: '^a' }),
      ])();
    }
    const roll = random();
    if (roll < 0.3) return fastOperand();
    if (roll < 0.4) return { $eq: fastOperand() };
    if (roll < 0.6) return { $exists: random() < 0.5 };
    const operators: Record<string, unknown> = { [pick(RANGES)]: rangeOperand() };
    if (random() < 0.3) operators[pick(RANGES)] = rangeOperand();
    if (random() < 0.2) operators['$exists'] = random() < 0.5;
    return operators;
  };

  const filter = (depth = 0): Filter => {
    const out: Record<string, unknown> = {};
    const fields = Math.floor(random() * 3);
    for (let i = 0; i < fields; i += 1) out[pick(PATHS)] = condition();
    if (depth < 2 && random() < 0.35) {
      const clauses = Array.from({ length: 1 + Math.floor(random() * 3) }, () => filter(depth + 1));
      out[random() < 0.7 ? '$or' : '$and'] = clauses;
    }
    if (depth === 0 && random() < 0.03) out['$nor'] = [filter(1)];
    return out;
  };

  return { document, filter };
};

type Outcome = { readonly matched: boolean } | { readonly error: string };

const outcome = (test: () => boolean): Outcome => {
  try {
    return { matched: test() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
};

const show = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v)
      ? String(v)
      : Object.is(v, -0)
        ? '-0'
        : typeof v === 'bigint'
          ? `${v}n`
          : v === undefined
            ? '(undefined)'
            : v instanceof RegExp
              ? String(v)
              : v,
  );

describe('simple filters: the fast path answers as mingo', () => {
  it.each(Array.from({ length: 20 }, (_, i) => i + 1))(
    'given random documents and filters (seed %i), when matched on the fast path and by mingo alone, then every answer is equal',
    (seed) => {
      const { document, filter } = scenario(seed);
      const documents = Array.from({ length: 300 }, (_, i) => document(i));
      const mismatches: string[] = [];
      const fastAnswers = { true: 0, false: 0, undefined: 0 };
      let pairs = 0;
      for (let f = 0; f < 60; f += 1) {
        const where = filter();
        const fast = compileFilter(where);
        const oracle = compileFilterWithMingo(where);
        const simple = compileSimpleFilter(where);
        for (const each of documents) {
          pairs += 1;
          if (simple) fastAnswers[`${simple(each)}`] += 1;
          const got = outcome(() => fast(each));
          const expected = outcome(() => oracle(each));
          if (!isDeepStrictEqual(got, expected)) {
            mismatches.push(
              `filter ${show(where)} document ${show(each)}: fast ${show(got)}, mingo ${show(expected)}`,
            );
          }
        }
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
      // Not vacuous: most pairs are answered without mingo, both ways, and some are left to it.
      expect((fastAnswers.true + fastAnswers.false) / pairs).toBeGreaterThan(0.5);
      expect(Math.min(fastAnswers.true, fastAnswers.false, fastAnswers.undefined)).toBeGreaterThan(
        pairs / 50,
      );
    },
  );
});

describe('simple filters: which filters take the fast path', () => {
  const notYetApplied = (revision: number): Filter => ({
    _id: 'c1',
    $or: [{ '_applied.s1': { $exists: false } }, { '_applied.s1': { $lt: revision } }],
  });

  it.each<[string, Filter]>([
    ['an id', { _id: 'c1' }],
    ['the position guard', notYetApplied(4)],
    ['the chat list', { workspaceId: 'w1', archived: false, unreadCount: { $gt: 0 } }],
    ['a page of the chat list', { $or: [{ at: { $lt: 'x' } }, { at: 'x', _id: { $lt: 'c' } }] }],
    ['$and and $eq', { $and: [{ a: { $eq: true } }, { 'b.c': { $gte: 1, $lte: 2 } }] }],
    ['nothing', {}],
  ])('given %s, when compiled, then the fast path takes it', (_label, filter) => {
    expect(compileSimpleFilter(filter)).toBeDefined();
  });

  it.each<[string, Filter]>([
    ['null equality', { a: null }],
    ['a document', { a: { b: 1 } }],
    ['an array', { a: [1] }],
    ['a RegExp', { a: /x/ }],
    ['a date', { a: new Date(0) }],
    ['NaN', { a: NaN }],
    ['Infinity as a bound', { a: { $lt: Infinity } }],
    ['$exists with a number', { a: { $exists: 1 } }],
    ['$ne', { a: { $ne: 1 } }],
    ['$in', { a: { $in: [1] } }],
    ['$nor', { $nor: [{ a: 1 }] }],
    ['a slow clause inside $or', { $or: [{ a: 1 }, { b: { $size: 1 } }] }],
    ['a __proto__ path', { 'a.__proto__': 1 }],
  ])('given %s, when compiled, then mingo takes it', (_label, filter) => {
    expect(compileSimpleFilter(filter)).toBeUndefined();
  });

  it.each<[string, boolean | undefined, unknown]>([
    ['a document that never applied the stream', true, { _id: 'c1' }],
    ['a document at an older revision', true, { _id: 'c1', _applied: { s1: 3 } }],
    ['a document at this revision', false, { _id: 'c1', _applied: { s1: 4 } }],
    ['a document that holds null there', false, { _id: 'c1', _applied: { s1: null } }],
    ['a document that holds a string there', false, { _id: 'c1', _applied: { s1: '1' } }],
    ['another document', false, { _id: 'c2', _applied: { s1: 1 } }],
    ['a document with an array on the path', undefined, { _id: 'c1', _applied: [{ s1: 1 }] }],
  ])(
    'given %s, when the position guard is tested on the fast path, then it answers %p',
    (_label, expected, document) => {
      const fast = compileSimpleFilter(notYetApplied(4));
      expect(fast?.(document)).toBe(expected);
      expect(compileFilter(notYetApplied(4))(document)).toBe(
        compileFilterWithMingo(notYetApplied(4))(document),
      );
    },
  );

  it('given a filter outside the port, when compiled, then validation refuses it before any path', () => {
    expect(() => compileFilter({ a: { $type: 'string' } })).toThrow('$type');
    expect(() => compileFilter({ $or: [] })).toThrow('$or needs a non-empty array');
  });
});
