import type { Filter } from '../read-store.port';
import { splitPath, valuesAtPath } from './document-paths';
import { compareValues, deepEqual, isPlainObject, typeRank } from './document-values';
import { outsideThePort } from './outside-the-port';

/**
 * Evaluates MongoDB query documents against documents in process: the port's query operators
 * (read-store.port.ts), the common ground of MongoDB and FerretDB 1.x. Supported: implicit
 * equality, dotted paths, $eq $ne $gt $gte $lt $lte $in $nin $exists $regex/$options $not $size,
 * $all of plain values, $elemMatch with one value operator ($eq $gt $gte $lt $lte $in $regex),
 * and $and $or $nor. Anything else throws an Error naming the operator, and saying why when it
 * is a MongoDB form that FerretDB 1.x does not share.
 */

type Predicate = (value: unknown) => boolean;

const LOGICAL = new Set(['$and', '$or', '$nor']);

const FIELD_OPERATORS = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$regex',
  '$options',
  '$not',
  '$all',
  '$size',
  '$elemMatch',
]);

/** True when `value` is an operator document such as `{ $gt: 1 }` (any key starting with `$`). */
export const isOperatorDocument = (value: unknown): value is Record<string, unknown> =>
  isPlainObject(value) && Object.keys(value).some((key) => key.startsWith('$'));

/** A condition holds for a field when it holds for one of its values, or an element of one. */
const anyValueOrElement = (values: readonly unknown[], predicate: Predicate): boolean =>
  values.some((value) => predicate(value) || (Array.isArray(value) && value.some(predicate)));

const equals =
  (expected: unknown): Predicate =>
  (value) => {
    if (expected instanceof RegExp) return typeof value === 'string' && testRegExp(expected, value);
    if (expected === null) return value === null || value === undefined;
    return deepEqual(value, expected);
  };

const testRegExp = (pattern: RegExp, value: string): boolean => {
  pattern.lastIndex = 0;
  return pattern.test(value);
};

/** `{ tags: 'a' }` matches an element; `{ tags: ['a', 'b'] }` the whole array; null a missing field. */
const matchesEquality = (values: readonly unknown[], expected: unknown): boolean =>
  anyValueOrElement(values, equals(expected));

const comparison =
  (expected: unknown, accept: (order: number) => boolean): Predicate =>
  (value) => {
    if (expected === null) return accept(0) && (value === null || value === undefined);
    if (value === undefined || typeRank(value) !== typeRank(expected)) return false;
    return accept(compareValues(value, expected));
  };

const arrayOperand = (operator: string, operand: unknown): readonly unknown[] => {
  if (!Array.isArray(operand)) throw new Error(`${operator} needs an array`);
  return operand;
};

const regExpOf = (pattern: unknown, options: unknown): RegExp => {
  if (options !== undefined && typeof options !== 'string') {
    throw new Error('$options needs a string');
  }
  if (pattern instanceof RegExp) {
    return options === undefined
      ? new RegExp(pattern.source, pattern.flags.replace('g', ''))
      : new RegExp(pattern.source, options);
  }
  if (typeof pattern !== 'string') throw new Error('$regex needs a string or a RegExp');
  return new RegExp(pattern, options ?? '');
};

/** The value operators `$elemMatch` may hold on the port (`$options` goes with `$regex`). */
const ELEMENT_OPERATORS = new Set([
  '$eq',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$regex',
  '$options',
]);

const NOT_IMPLEMENTED_IN_ELEM_MATCH = 'FerretDB 1.x does not implement it inside $elemMatch';
const TESTS_NESTED_ARRAYS = 'FerretDB 1.x stores no nested arrays for it to test';

/** MongoDB operators that `$elemMatch` may hold but the port leaves out, and why. */
const LEFT_OUT_OF_ELEM_MATCH: Readonly<Record<string, string>> = {
  $ne: NOT_IMPLEMENTED_IN_ELEM_MATCH,
  $not: NOT_IMPLEMENTED_IN_ELEM_MATCH,
  $and: NOT_IMPLEMENTED_IN_ELEM_MATCH,
  $or: NOT_IMPLEMENTED_IN_ELEM_MATCH,
  $nor: NOT_IMPLEMENTED_IN_ELEM_MATCH,
  $nin: 'FerretDB 1.x tests it against the whole array, not an element',
  $exists: 'FerretDB 1.x matches an empty array with it',
  $all: TESTS_NESTED_ARRAYS,
  $size: TESTS_NESTED_ARRAYS,
  $elemMatch: TESTS_NESTED_ARRAYS,
};

const requireElementOperator = (operator: string): void => {
  if (ELEMENT_OPERATORS.has(operator)) return;
  if (!operator.startsWith('$')) {
    throw outsideThePort(
      `$elemMatch with a field query ('${operator}')`,
      'FerretDB 1.x takes the field for an unknown operator',
    );
  }
  const why = LEFT_OUT_OF_ELEM_MATCH[operator];
  if (why) throw outsideThePort(`$elemMatch with ${operator}`, why);
  throw new Error(`Unsupported query operator: ${operator}`);
};

const isDocumentOrArray = (value: unknown): boolean => isPlainObject(value) || Array.isArray(value);

/**
 * The condition of `$elemMatch` as the port takes it: one value operator comparing each element
 * with a scalar or a RegExp. Throws on anything else.
 */
const elementCondition = (operand: unknown): Record<string, unknown> => {
  if (!isPlainObject(operand)) throw new Error('$elemMatch needs an object');
  Object.keys(operand).forEach(requireElementOperator);
  const tests = Object.keys(operand).filter((operator) => operator !== '$options');
  if (tests.length > 1) {
    throw outsideThePort(
      `$elemMatch with several operators (${tests.join(' ')})`,
      'FerretDB 1.x lets each of them hold on a different element',
    );
  }
  const [test] = tests;
  if (test === undefined) throw new Error('$elemMatch needs a value operator');
  const compared = test === '$in' ? arrayOperand(test, operand[test]) : [operand[test]];
  if (compared.some(isDocumentOrArray)) {
    throw outsideThePort(
      `$elemMatch comparing elements with a document or an array (${test})`,
      'FerretDB 1.x matches no element with a document, and stores no nested arrays',
    );
  }
  return operand;
};

/** The values `$all` requires: plain values only on the port. Throws on anything else. */
const requiredValues = (operand: unknown): readonly unknown[] => {
  const required = arrayOperand('$all', operand);
  for (const item of required) {
    if (item instanceof RegExp) {
      throw outsideThePort(
        '$all with a regular expression',
        'FerretDB 1.x matches nothing with it',
      );
    }
    if (isOperatorDocument(item) && '$elemMatch' in item) {
      throw outsideThePort('$all with $elemMatch', 'FerretDB 1.x matches nothing with it');
    }
    if (isOperatorDocument(item)) throw new Error('$all needs values, found an operator document');
  }
  return required;
};

/**
 * Do the values found at a path satisfy every operator of `operators`? `expandArrays` is false
 * when the values are elements already (inside $elemMatch), so they are not traversed again.
 */
const matchesOperators = (
  values: readonly unknown[],
  operators: Record<string, unknown>,
  expandArrays = true,
): boolean => {
  // Check every operator first, so an unknown one fails even where another decides the match.
  for (const operator of Object.keys(operators)) {
    if (!FIELD_OPERATORS.has(operator)) throw new Error(`Unsupported query operator: ${operator}`);
  }
  const holds = (predicate: Predicate): boolean =>
    expandArrays ? anyValueOrElement(values, predicate) : values.some(predicate);
  return Object.entries(operators).every(([operator, operand]) => {
    switch (operator) {
      case '$eq':
        return expandArrays ? matchesEquality(values, operand) : values.some(equals(operand));
      case '$ne':
        return !matchesOperators(values, { $eq: operand }, expandArrays);
      case '$gt':
        return holds(comparison(operand, (order) => order > 0));
      case '$gte':
        return holds(comparison(operand, (order) => order >= 0));
      case '$lt':
        return holds(comparison(operand, (order) => order < 0));
      case '$lte':
        return holds(comparison(operand, (order) => order <= 0));
      case '$in':
        return arrayOperand(operator, operand).some((candidate) =>
          matchesOperators(values, { $eq: candidate }, expandArrays),
        );
      case '$nin':
        return !matchesOperators(values, { $in: operand }, expandArrays);
      case '$exists':
        return values.some((value) => value !== undefined) === Boolean(operand);
      case '$regex': {
        const pattern = regExpOf(operand, operators['$options']);
        return holds((value) => typeof value === 'string' && testRegExp(pattern, value));
      }
      case '$options':
        if (!('$regex' in operators)) throw new Error('$options needs $regex');
        return true;
      case '$not':
        if (!(operand instanceof RegExp) && !isOperatorDocument(operand)) {
          throw new Error('$not needs an operator document or a RegExp');
        }
        return !matchesOperators(
          values,
          operand instanceof RegExp ? { $regex: operand } : operand,
          expandArrays,
        );
      case '$all': {
        const required = requiredValues(operand);
        return (
          required.length > 0 &&
          required.every((item) => matchesOperators(values, { $eq: item }, expandArrays))
        );
      }
      case '$size':
        if (typeof operand !== 'number') throw new Error('$size needs a number');
        return values.some((value) => Array.isArray(value) && value.length === operand);
      case '$elemMatch': {
        const condition = elementCondition(operand);
        return values.some(
          (value) =>
            Array.isArray(value) &&
            value.some((item) => matchesOperators([item], condition, false)),
        );
      }
      default:
        throw new Error(`Unsupported query operator: ${operator}`);
    }
  });
};

const clauses = (operator: string, operand: unknown): readonly Filter[] => {
  const list = arrayOperand(operator, operand);
  if (list.length === 0) throw new Error(`${operator} needs a non-empty array`);
  return list.map((clause) => {
    if (!isPlainObject(clause)) throw new Error(`${operator} needs an array of query documents`);
    return clause;
  });
};

/** Does `document` match the MongoDB query document `filter`? */
export const matchesFilter = (document: unknown, filter: Filter): boolean =>
  Object.entries(filter).every(([key, condition]) => {
    switch (key) {
      case '$and':
        return clauses(key, condition).every((clause) => matchesFilter(document, clause));
      case '$or':
        return clauses(key, condition).some((clause) => matchesFilter(document, clause));
      case '$nor':
        return !clauses(key, condition).some((clause) => matchesFilter(document, clause));
      default: {
        if (key.startsWith('$')) throw new Error(`Unsupported query operator: ${key}`);
        const values = valuesAtPath(document, splitPath(key));
        return isOperatorDocument(condition)
          ? matchesOperators(values, condition)
          : matchesEquality(values, condition);
      }
    }
  });

const validateOperators = (operators: Record<string, unknown>): void => {
  for (const [operator, operand] of Object.entries(operators)) {
    if (!FIELD_OPERATORS.has(operator)) throw new Error(`Unsupported query operator: ${operator}`);
    if (operator === '$not' && isOperatorDocument(operand)) validateOperators(operand);
    if (operator === '$elemMatch') elementCondition(operand);
    if (operator === '$all') requiredValues(operand);
  }
};

/**
 * Throws when `filter` uses an operator or form outside the port, anywhere in it (also in
 * branches a match would not reach), so every adapter refuses the same queries.
 */
export const validateFilter = (filter: Filter): void => {
  for (const [key, condition] of Object.entries(filter)) {
    if (LOGICAL.has(key)) clauses(key, condition).forEach(validateFilter);
    else if (key.startsWith('$')) throw new Error(`Unsupported query operator: ${key}`);
    else if (isOperatorDocument(condition)) validateOperators(condition);
  }
};
