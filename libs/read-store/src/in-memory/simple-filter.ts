import type { Filter } from '../read-store.port';

/**
 * A fast path for the filters the projector and the chat list send nearly every time
 * (`{ _id }`, applied-revision.ts's `notYetApplied`, equality on a few fields), compiled into
 * plain JavaScript instead of a mingo Query: a profile of an embedded rebuild showed mingo's
 * compile at a third of the busy time and its garbage at another quarter.
 *
 * It takes only filters made of field paths (dotted allowed) holding a string, finite number or
 * boolean (as the value or as `$eq`), `$exists` with a boolean, `$lt` `$lte` `$gt` `$gte` with a
 * finite number or a string, and `$and` / `$or` of such; for anything else it answers undefined
 * and the caller compiles with mingo. Its answers are mingo's as query-matcher.ts configures it
 * (MongoDB's type bracketing: `$lt: 5` never matches a string, null or a missing field;
 * `$exists: false` matches a missing field, not null; `'5'` never equals `5`), but only where
 * that is plain to see: a test answers undefined, "ask mingo", when a path meets an array (the
 * implicit traversal of arrays), a date or any object other than a plain one, or the value is
 * one whose comparison mingo treats peculiarly (NaN, an object). simple-filter.unit.spec.ts
 * checks the equality against mingo on random documents and filters.
 */

/** true or false when the fast rules know mingo's answer, undefined when only mingo does. */
type SimpleTest = (document: unknown) => boolean | undefined;

/** A path lookup that met something only mingo models (an array, a date, a class instance). */
const UNMODELLED: unique symbol = Symbol('unmodelled');

type Lookup = unknown | typeof UNMODELLED;

const hasOwn = Object.prototype.hasOwnProperty;

/** An object read by its own fields (prototype Object's or none); a class instance is left to mingo. */
const isPlainRecord = (value: object): value is Record<string, unknown> => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * The value at `parts` where no array is on the way: a scalar or null met before the end makes
 * the field missing (undefined), as in mingo; an array, a date or any other object on the way is
 * UNMODELLED. The document itself must be a plain object (mingo reads a scalar document as
 * its own value).
 */
const lookup = (document: unknown, parts: readonly string[]): Lookup => {
  let current = document;
  for (let i = 0; i < parts.length; i += 1) {
    if (typeof current === 'object' && current !== null) {
      if (!isPlainRecord(current)) return UNMODELLED;
      const part = parts[i] as string;
      current = hasOwn.call(current, part) ? current[part] : undefined;
    } else if (i === 0 || typeof current === 'function') {
      return UNMODELLED;
    } else {
      return undefined;
    }
  }
  return current;
};

type Scalar = string | number | boolean;

const isScalarOperand = (value: unknown): value is Scalar =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

/** `{ path: value }` or `$eq`: mingo's `$eq` of a scalar is `===` unless the field holds an array. */
const equalTo =
  (parts: readonly string[], expected: Scalar): SimpleTest =>
  (document) => {
    const value = lookup(document, parts);
    if (value === UNMODELLED || Array.isArray(value)) return undefined;
    return value === expected;
  };

/** mingo counts a field holding undefined as missing; null exists. */
const exists =
  (parts: readonly string[], wanted: boolean): SimpleTest =>
  (document) => {
    const value = lookup(document, parts);
    if (value === UNMODELLED) return undefined;
    return (value !== undefined) === wanted;
  };

type Comparison = (value: Scalar, bound: Scalar) => boolean;

const COMPARISONS: Readonly<Record<string, Comparison>> = {
  $lt: (value, bound) => value < bound,
  $lte: (value, bound) => value <= bound,
  $gt: (value, bound) => value > bound,
  $gte: (value, bound) => value >= bound,
};

/**
 * A range holds only on a value of the bound's own type (MongoDB's bracketing, mingo's typeOf).
 * NaN (which mingo's order puts equal to every number) and objects (whose type mingo reads from
 * their constructor) are left to mingo.
 */
const inRange =
  (parts: readonly string[], compare: Comparison, bound: number | string): SimpleTest =>
  (document) => {
    const value = lookup(document, parts);
    if (value === UNMODELLED || Number.isNaN(value)) return undefined;
    if (typeof value === 'object' && value !== null) return undefined;
    return typeof value === typeof bound && compare(value as Scalar, bound);
  };

/** Three-valued and/or: a known answer settles it, else an unknown one makes the whole unknown. */
const allOf =
  (tests: readonly SimpleTest[]): SimpleTest =>
  (document) => {
    let known = true;
    for (const test of tests) {
      const answer = test(document);
      if (answer === false) return false;
      if (answer === undefined) known = false;
    }
    return known ? true : undefined;
  };

const anyOf =
  (tests: readonly SimpleTest[]): SimpleTest =>
  (document) => {
    let known = true;
    for (const test of tests) {
      const answer = test(document);
      if (answer === true) return true;
      if (answer === undefined) known = false;
    }
    return known ? false : undefined;
  };

/** The path's parts, or undefined for a path mingo reads otherwise (empty parts, `__proto__`). */
const pathParts = (path: string): readonly string[] | undefined => {
  const parts = path.split('.');
  for (const part of parts) if (part === '' || part === '__proto__') return undefined;
  return parts;
};

/** The tests of one field's operator document, or undefined when one is outside the fast rules. */
const operatorTests = (
  parts: readonly string[],
  operators: Record<string, unknown>,
): SimpleTest[] | undefined => {
  const tests: SimpleTest[] = [];
  for (const operator of Object.keys(operators)) {
    const operand = operators[operator];
    const compare = COMPARISONS[operator];
    if (operator === '$eq' && isScalarOperand(operand)) tests.push(equalTo(parts, operand));
    else if (operator === '$exists' && typeof operand === 'boolean') {
      tests.push(exists(parts, operand));
    } else if (
      compare &&
      (typeof operand === 'string' || (typeof operand === 'number' && Number.isFinite(operand)))
    ) {
      tests.push(inRange(parts, compare, operand));
    } else return undefined;
  }
  return tests.length > 0 ? tests : undefined;
};

const isOperatorRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  isPlainRecord(value) &&
  Object.keys(value).every((key) => key.startsWith('$'));

const clauseTests = (clauses: unknown): SimpleTest[] | undefined => {
  if (!Array.isArray(clauses) || clauses.length === 0) return undefined;
  const tests: SimpleTest[] = [];
  for (const clause of clauses) {
    const test = compileSimpleFilter(clause as Filter);
    if (!test) return undefined;
    tests.push(test);
  }
  return tests;
};

/**
 * The fast test of a filter validateFilter has accepted, or undefined when the filter holds a
 * form outside the fast rules (then mingo compiles it, as before).
 */
export const compileSimpleFilter = (filter: Filter): SimpleTest | undefined => {
  if (typeof filter !== 'object' || filter === null || !isPlainRecord(filter)) return undefined;
  const tests: SimpleTest[] = [];
  for (const key of Object.keys(filter)) {
    const condition = filter[key];
    if (key === '$and' || key === '$or') {
      const clauses = clauseTests(condition);
      if (!clauses) return undefined;
      tests.push(key === '$and' ? allOf(clauses) : anyOf(clauses));
      continue;
    }
    const parts = key.startsWith('$') ? undefined : pathParts(key);
    if (!parts) return undefined;
    if (isScalarOperand(condition)) {
      tests.push(equalTo(parts, condition));
      continue;
    }
    const operators = isOperatorRecord(condition) ? operatorTests(parts, condition) : undefined;
    if (!operators) return undefined;
    tests.push(...operators);
  }
  return tests.length === 1 ? tests[0] : allOf(tests);
};
