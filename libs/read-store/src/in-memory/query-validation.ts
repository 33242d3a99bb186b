import type { Filter } from '../read-store.port';
import { isPlainObject } from './document-values';
import { outsideThePort } from './outside-the-port';

/**
 * The port's query operators (read-store.port.ts), checked before any adapter runs a filter:
 * the common ground of MongoDB and FerretDB 1.x. Supported: implicit equality, dotted paths,
 * $eq $ne $gt $gte $lt $lte $in $nin $exists $regex/$options $not $size, $all of plain values,
 * $elemMatch with one value operator ($eq $gt $gte $lt $lte $in $regex), and $and $or $nor.
 * Anything else throws an Error naming the operator, and saying why when it is a MongoDB form
 * that FerretDB 1.x does not share. The evaluator (mingo) knows many more operators: this list,
 * not the evaluator, is what every adapter accepts.
 */

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

const arrayOperand = (operator: string, operand: unknown): readonly unknown[] => {
  if (!Array.isArray(operand)) throw new Error(`${operator} needs an array`);
  return operand;
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

/** `$elemMatch` as the port takes it: one value operator comparing each element with a scalar or a RegExp. */
const validateElementCondition = (operand: unknown): void => {
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
};

/** `$all` as the port takes it: plain values only. */
const validateRequiredValues = (operand: unknown): void => {
  for (const item of arrayOperand('$all', operand)) {
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
};

const clauses = (operator: string, operand: unknown): readonly Filter[] => {
  const list = arrayOperand(operator, operand);
  if (list.length === 0) throw new Error(`${operator} needs a non-empty array`);
  return list.map((clause) => {
    if (!isPlainObject(clause)) throw new Error(`${operator} needs an array of query documents`);
    return clause;
  });
};

/** The operand each operator takes, checked here so a malformed query fails on every adapter alike. */
const validateOperand = (
  operator: string,
  operand: unknown,
  operators: Record<string, unknown>,
): void => {
  switch (operator) {
    case '$in':
    case '$nin':
      arrayOperand(operator, operand);
      return;
    case '$regex':
      if (typeof operand !== 'string' && !(operand instanceof RegExp)) {
        throw new Error('$regex needs a string or a RegExp');
      }
      return;
    case '$options':
      if (!('$regex' in operators)) throw new Error('$options needs $regex');
      if (typeof operand !== 'string') throw new Error('$options needs a string');
      return;
    case '$size':
      if (typeof operand !== 'number') throw new Error('$size needs a number');
      return;
    case '$not':
      if (operand instanceof RegExp) return;
      if (!isOperatorDocument(operand)) {
        throw new Error('$not needs an operator document or a RegExp');
      }
      validateOperators(operand);
      return;
    case '$elemMatch':
      validateElementCondition(operand);
      return;
    case '$all':
      validateRequiredValues(operand);
      return;
  }
};

const validateOperators = (operators: Record<string, unknown>): void => {
  // Every name first, so an unknown operator is named even beside a malformed one.
  for (const operator of Object.keys(operators)) {
    if (!FIELD_OPERATORS.has(operator)) throw new Error(`Unsupported query operator: ${operator}`);
  }
  for (const [operator, operand] of Object.entries(operators)) {
    validateOperand(operator, operand, operators);
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
