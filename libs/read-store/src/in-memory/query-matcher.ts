import { Context } from 'mingo';
import * as mingoOperators from 'mingo/operators/query';
import { Query } from 'mingo/query';
import type { Filter } from '../read-store.port';
import { splitPath, valuesAtPath } from './document-paths';
import { deepEqual, isPlainObject } from './document-values';
import { validateFilter } from './query-validation';
import { compileSimpleFilter } from './simple-filter';

/**
 * Evaluates the port's query documents in process with mingo (a maintained MongoDB query
 * evaluator), after validateFilter has refused every form outside the port. mingo gets only the
 * port's operators, so it could not run another one either. Where mingo answers otherwise than
 * MongoDB, the operator is wrapped (the first three also checked on FerretDB 1.24.2):
 * - `$gte: null` and `$lte: null` match null and missing fields (mingo: nothing);
 * - `$all` holds on a field that is not an array but equals its one value (mingo: never);
 * - an embedded document equals another only with its fields in the same order (mingo ignores
 *   the order);
 * - null matches where an array element on the path lacks the field (mingo: no match; FerretDB
 *   differs from both here, a difference of stored data the architecture notes list).
 * Equality, `$eq`, `$ne`, `$in`, `$nin` and `$all` with a document or null go through these.
 */

type Test = (document: unknown) => boolean;
type Options = Parameters<typeof mingoOperators.$eq>[2];
type QueryOperator = (selector: string, operand: unknown, options: Options) => Test;

const asTest =
  (predicate: (document: Record<string, unknown>) => boolean): Test =>
  (document) =>
    predicate(document as Record<string, unknown>);

const isDocumentValue = (value: unknown): value is Record<string, unknown> =>
  isPlainObject(value) && !Object.keys(value).some((key) => key.startsWith('$'));

const isMissing = (value: unknown): boolean => value === null || value === undefined;

/**
 * `{ [selector]: expected }` as MongoDB matches it: a value found at the path or an element of
 * one. Two cases are ours: a document equals another only with its fields in the same order, and
 * null also matches where an element met on the path lacks the field (mingo sees no value there).
 */
const equality: QueryOperator = (selector, expected, options) => {
  if (expected instanceof RegExp) return asTest(mingoOperators.$regex(selector, expected, options));
  if (expected !== null && !isDocumentValue(expected)) {
    return asTest(mingoOperators.$eq(selector, expected, options));
  }
  const parts = splitPath(selector);
  const same = (value: unknown): boolean =>
    expected === null ? isMissing(value) : deepEqual(value, expected);
  return (document) =>
    valuesAtPath(document, parts).some(
      (value) => same(value) || (Array.isArray(value) && value.some(same)),
    );
};

const anyOf: QueryOperator = (selector, candidates, options) => {
  const tests = (candidates as unknown[]).map((value) => equality(selector, value, options));
  return (document) => tests.some((test) => test(document));
};

const not =
  (operator: QueryOperator): QueryOperator =>
  (selector, operand, options) => {
    const test = operator(selector, operand, options);
    return (document) => !test(document);
  };

/** Null is a type of its own in MongoDB's order, so `$gte: null` and `$lte: null` are equality with it. */
const nullBracketed =
  (operator: typeof mingoOperators.$gte): QueryOperator =>
  (selector, operand, options) =>
    operand === null
      ? equality(selector, null, options)
      : asTest(operator(selector, operand, options));

/** MongoDB defines `$all` as the `$and` of equalities with each value; no value matches nothing. */
const all: QueryOperator = (selector, values, options) => {
  const tests = (values as unknown[]).map((value) => equality(selector, value, options));
  return (document) => tests.length > 0 && tests.every((test) => test(document));
};

/** The operators mingo answers as MongoDB and FerretDB 1.x do, taken as they are. */
const { $gt, $lt, $exists, $regex, $size, $elemMatch, $not, $and, $or, $nor } = mingoOperators;

/** The port's operators where mingo's answer differs, wrapped as above. */
const WRAPPED: Readonly<Record<string, QueryOperator>> = {
  $eq: equality,
  $ne: not(equality),
  $in: anyOf,
  $nin: not(anyOf),
  $gte: nullBracketed(mingoOperators.$gte),
  $lte: nullBracketed(mingoOperators.$lte),
  $all: all,
};

type QueryOps = NonNullable<NonNullable<Parameters<typeof Context.init>[0]>['query']>;

// mingo types an operator slot as the intersection of every operator's signature; ours take
// (selector, operand, options) and return a test of whole documents, as mingo's do.
const CONTEXT = Context.init({
  query: {
    ...{ $gt, $lt, $exists, $regex, $size, $elemMatch, $not, $and, $or, $nor },
    ...(WRAPPED as unknown as QueryOps),
  },
});

const mingoTest = (filter: Filter): Test => {
  const query = new Query(filter, { context: CONTEXT });
  return asTest((document) => query.test(document));
};

/** The filter as mingo alone evaluates it: the oracle simple-filter.unit.spec.ts checks the fast path against. */
export const compileFilterWithMingo = (filter: Filter): Test => {
  validateFilter(filter);
  return mingoTest(filter);
};

/**
 * A compiled filter: validated once, then tested on as many documents as needed. The simple
 * filters nearly every call sends are tested in plain JavaScript (simple-filter.ts), which asks
 * mingo, compiled on first need and once, about a document only where it cannot tell; the rest
 * go to mingo. The filter must not change while the test is in use (mingo may compile it late).
 */
export const compileFilter = (filter: Filter): Test => {
  validateFilter(filter);
  const simple = compileSimpleFilter(filter);
  let slow: Test | undefined;
  // Built on first use: a lookup by ids may settle a query without testing any document.
  if (!simple) return (document) => (slow ??= mingoTest(filter))(document);
  return (document) => simple(document) ?? (slow ??= mingoTest(filter))(document);
};

/** Does `document` match the MongoDB query document `filter`? */
export const matchesFilter = (document: unknown, filter: Filter): boolean =>
  compileFilter(filter)(document);
