import type { Filter, Update } from '../read-store.port';
import { setAtPath, unsetAtPath, valueAtPath, splitPath } from './document-paths';
import {
  compareValues,
  deepCopy,
  deepEqual,
  isPlainObject,
  type PlainObject,
} from './document-values';
import {
  isOperatorDocument,
  matchesFilter,
  matchesOperators,
  validateFilter,
} from './query-matcher';

/**
 * Applies MongoDB update documents in process: $set $unset $inc $push ($each $slice $position)
 * $addToSet ($each) $pull $setOnInsert $min $max, with dotted paths that create intermediate
 * objects. Anything else throws an Error naming the operator.
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

const eachOf = (
  operator: string,
  value: unknown,
  allowedModifiers: readonly string[],
): { items: unknown[]; modifiers: PlainObject } => {
  if (!isPlainObject(value) || !('$each' in value))
    return { items: [deepCopy(value)], modifiers: {} };
  for (const modifier of Object.keys(value)) {
    if (modifier !== '$each' && !allowedModifiers.includes(modifier)) {
      throw new Error(`Unsupported ${operator} modifier: ${modifier}`);
    }
  }
  if (!Array.isArray(value['$each'])) throw new Error(`${operator} $each needs an array`);
  return { items: deepCopy(value['$each']), modifiers: value };
};

const integerModifier = (name: string, value: unknown): number | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new Error(`$push ${name} needs an integer`);
  }
  return value;
};

const push = (document: PlainObject, path: string, value: unknown): void => {
  const { items, modifiers } = eachOf('$push', value, ['$slice', '$position']);
  const current = arrayAt(document, path, '$push') ?? [];
  const position = integerModifier('$position', modifiers['$position']);
  const slice = integerModifier('$slice', modifiers['$slice']);
  const at =
    position === undefined
      ? current.length
      : position < 0
        ? Math.max(0, current.length + position)
        : Math.min(position, current.length);
  let next = [...current.slice(0, at), ...items, ...current.slice(at)];
  if (slice !== undefined) next = slice >= 0 ? next.slice(0, slice) : next.slice(slice);
  setAtPath(document, path, next);
};

const addToSet = (document: PlainObject, path: string, value: unknown): void => {
  const { items } = eachOf('$addToSet', value, []);
  const next = [...(arrayAt(document, path, '$addToSet') ?? [])];
  for (const item of items)
    if (!next.some((existing) => deepEqual(existing, item))) next.push(item);
  setAtPath(document, path, next);
};

/** `$pull` removes elements equal to a value, matching an operator document, or matching a query. */
const pullCondition = (condition: unknown): ((item: unknown) => boolean) => {
  if (condition instanceof RegExp) {
    return (item) =>
      typeof item === 'string' && matchesOperators([item], { $regex: condition }, false);
  }
  if (isOperatorDocument(condition)) return (item) => matchesOperators([item], condition, false);
  if (isPlainObject(condition)) {
    return (item) => isPlainObject(item) && matchesFilter(item, condition);
  }
  return (item) => deepEqual(item, condition);
};

const pull = (document: PlainObject, path: string, condition: unknown): void => {
  const current = arrayAt(document, path, '$pull');
  if (current === undefined) return;
  const removes = pullCondition(condition);
  setAtPath(
    document,
    path,
    current.filter((item) => !removes(item)),
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
 * Throws when `update` is not made of supported operators (checked before anything is applied,
 * so both adapters refuse the same updates).
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
      if (operator === '$push') eachOf(operator, value, ['$slice', '$position']);
      if (operator === '$addToSet') eachOf(operator, value, []);
      if (operator === '$pull' && isOperatorDocument(value)) validateFilter({ field: value });
      else if (operator === '$pull' && isPlainObject(value)) validateFilter(value);
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
