import type { Filter, Update } from '../read-store.port';
import { setAtPath, unsetAtPath, valueAtPath, splitPath } from './document-paths';
import {
  compareValues,
  deepCopy,
  deepEqual,
  isPlainObject,
  type PlainObject,
} from './document-values';
import { outsideThePort } from './outside-the-port';
import { isOperatorDocument } from './query-validation';

/**
 * Applies MongoDB update documents in process: the port's update operators (read-store.port.ts),
 * the common ground of MongoDB and FerretDB 1.x. Supported: $set $unset $inc $push (with $each)
 * $addToSet (with $each) $pull (of a plain value) $setOnInsert $min $max, with dotted paths that
 * create intermediate objects. Anything else throws an Error naming the operator, and saying why
 * when it is a MongoDB form that FerretDB 1.x does not share.
 */

export interface ApplyUpdateOptions {
  /** True when the update builds a new document for an upsert ($setOnInsert applies). */
  readonly inserting?: boolean;
}

const fieldsOf = (operator: string, operand: unknown): [string, unknown][] => {
  if (!isPlainObject(operand)) throw new Error(`${operator} needs an object of fields`);
  return Object.entries(operand);
};

const arrayAt = (document: PlainObject, path: string, operator: string): unknown[] | undefined => {
  const current = valueAtPath(document, splitPath(path));
  if (current === undefined) return undefined;
  if (!Array.isArray(current)) {
    throw new Error(`${operator} on '${path}' needs an array, found ${JSON.stringify(current)}`);
  }
  return current;
};

/** The $push modifiers beside $each that MongoDB applies and FerretDB 1.x ignores. */
const PUSH_MODIFIERS_LEFT_OUT = new Set(['$slice', '$position', '$sort']);

const requireEachOnly = (operator: string, modifier: string): void => {
  if (modifier === '$each') return;
  if (operator === '$push' && PUSH_MODIFIERS_LEFT_OUT.has(modifier)) {
    throw outsideThePort(`$push modifier ${modifier}`, 'FerretDB 1.x ignores it');
  }
  throw new Error(`Unsupported ${operator} modifier: ${modifier}`);
};

/** The items a $push or $addToSet adds: one value, or those of `{ $each: [...] }`. */
const itemsOf = (operator: string, value: unknown): unknown[] => {
  if (!isPlainObject(value) || !('$each' in value)) return [deepCopy(value)];
  for (const modifier of Object.keys(value)) requireEachOnly(operator, modifier);
  if (!Array.isArray(value['$each'])) throw new Error(`${operator} $each needs an array`);
  return deepCopy(value['$each']);
};

const push = (document: PlainObject, path: string, value: unknown): void => {
  const current = arrayAt(document, path, '$push') ?? [];
  setAtPath(document, path, [...current, ...itemsOf('$push', value)]);
};

const addToSet = (document: PlainObject, path: string, value: unknown): void => {
  const next = [...(arrayAt(document, path, '$addToSet') ?? [])];
  for (const item of itemsOf('$addToSet', value))
    if (!next.some((existing) => deepEqual(existing, item))) next.push(item);
  setAtPath(document, path, next);
};

/**
 * `$pull` on the port removes the elements equal to a plain value. An operator document, a
 * document or a RegExp is a condition in MongoDB, which FerretDB 1.x does not evaluate (it
 * removes equal elements only): those throw.
 */
const requirePlainValue = (value: unknown): void => {
  if (isOperatorDocument(value)) {
    throw outsideThePort(
      `$pull by operator (${Object.keys(value).join(' ')})`,
      'FerretDB 1.x ignores it',
    );
  }
  if (isPlainObject(value)) {
    throw outsideThePort(
      '$pull by condition (a document)',
      'MongoDB matches elements against it as a query, FerretDB 1.x only removes equal documents',
    );
  }
  if (value instanceof RegExp) {
    throw outsideThePort('$pull by a regular expression', 'FerretDB 1.x ignores it');
  }
};

const pull = (document: PlainObject, path: string, value: unknown): void => {
  const current = arrayAt(document, path, '$pull');
  if (current === undefined) return;
  setAtPath(
    document,
    path,
    current.filter((item) => !deepEqual(item, value)),
  );
};

const increment = (document: PlainObject, path: string, amount: unknown): void => {
  if (typeof amount !== 'number') throw new Error(`$inc on '${path}' needs a number`);
  const current = valueAtPath(document, splitPath(path));
  if (current === undefined) {
    setAtPath(document, path, amount);
    return;
  }
  if (typeof current !== 'number') {
    throw new Error(`$inc on '${path}' needs a number, found ${JSON.stringify(current)}`);
  }
  setAtPath(document, path, current + amount);
};

const keepExtreme = (document: PlainObject, path: string, value: unknown, keep: -1 | 1): void => {
  const current = valueAtPath(document, splitPath(path));
  if (current === undefined || compareValues(value, current) === keep) {
    setAtPath(document, path, deepCopy(value));
  }
};

const UPDATE_OPERATORS = new Set([
  '$set',
  '$setOnInsert',
  '$unset',
  '$inc',
  '$push',
  '$addToSet',
  '$pull',
  '$min',
  '$max',
]);

/**
 * Throws when `update` is not made of the port's operators and forms (checked before anything
 * is applied, so every adapter refuses the same updates).
 */
export const validateUpdate = (update: Update): void => {
  const entries = Object.entries(update);
  if (entries.length === 0) throw new Error('An update needs at least one operator');
  for (const [operator, operand] of entries) {
    if (!operator.startsWith('$')) {
      throw new Error(`An update may hold operators only, found field '${operator}'`);
    }
    if (!UPDATE_OPERATORS.has(operator))
      throw new Error(`Unsupported update operator: ${operator}`);
    for (const [, value] of fieldsOf(operator, operand)) {
      if (operator === '$push' || operator === '$addToSet') itemsOf(operator, value);
      if (operator === '$pull') requirePlainValue(value);
    }
  }
};

/**
 * The document `document` becomes after `update` (a new object; `document` is not touched).
 * Throws on an update that is not made of supported operators, or that changes `_id`.
 */
export const applyUpdate = <T extends PlainObject>(
  document: T,
  update: Update,
  options: ApplyUpdateOptions = {},
): T => {
  validateUpdate(update);
  const next = deepCopy(document) as PlainObject;
  for (const [operator, operand] of Object.entries(update)) {
    for (const [path, value] of fieldsOf(operator, operand)) {
      switch (operator) {
        case '$set':
          setAtPath(next, path, deepCopy(value));
          break;
        case '$setOnInsert':
          if (options.inserting) setAtPath(next, path, deepCopy(value));
          break;
        case '$unset':
          unsetAtPath(next, path);
          break;
        case '$inc':
          increment(next, path, value);
          break;
        case '$push':
          push(next, path, value);
          break;
        case '$addToSet':
          addToSet(next, path, value);
          break;
        case '$pull':
          pull(next, path, value);
          break;
        case '$min':
          keepExtreme(next, path, value, -1);
          break;
        case '$max':
          keepExtreme(next, path, value, 1);
          break;
        default:
          throw new Error(`Unsupported update operator: ${operator}`);
      }
    }
  }
  if (!options.inserting && !deepEqual(next['_id'], document['_id'])) {
    throw new Error(
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
  return next as T;
};

/**
 * The document an upsert starts from (as MongoDB builds it): the filter's equality conditions
 * (`field: value`, `field: { $eq: value }`, and those inside `$and`), dotted paths expanded.
 */
export const upsertSeed = (filter: Filter): PlainObject => {
  const seed: PlainObject = {};
  const collect = (clause: Filter): void => {
    for (const [key, condition] of Object.entries(clause)) {
      if (key === '$and' && Array.isArray(condition)) {
        condition.filter(isPlainObject).forEach(collect);
      } else if (key.startsWith('$') || condition instanceof RegExp) {
        continue;
      } else if (isOperatorDocument(condition)) {
        if ('$eq' in condition) setAtPath(seed, key, deepCopy(condition['$eq']));
      } else {
        setAtPath(seed, key, deepCopy(condition));
      }
    }
  };
  collect(filter);
  return seed;
};
