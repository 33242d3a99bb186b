/**
 * Values as MongoDB sees them: plain objects (embedded documents), arrays, dates, regular
 * expressions and scalars; deep copies, equality and the cross-type order used by sort,
 * comparisons, $min and $max.
 */

export type PlainObject = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  !(value instanceof RegExp);

/**
 * A deep copy, so no caller ever holds a reference into the store (or the store into theirs).
 * Built here rather than with structuredClone, whose copies belong to Node's own realm: under
 * Jest's sandbox their arrays fail mingo's same-constructor equality.
 */
export const deepCopy = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (!isPlainObject(value)) return value;
  const copy: PlainObject = {};
  for (const key of Object.keys(value)) copy[key] = deepCopy(value[key]);
  return copy as T;
};

/** MongoDB equality: embedded documents compare field by field in order, dates by instant. */
export const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (a instanceof RegExp || b instanceof RegExp) {
    return a instanceof RegExp && b instanceof RegExp && String(a) === String(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => deepEqual(item, b[i]))
    );
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const aKeys = Object.keys(a);
    const bKeys = Object.keys(b);
    return (
      aKeys.length === bKeys.length &&
      aKeys.every((key, i) => key === bKeys[i] && deepEqual(a[key], b[key]))
    );
  }
  return false;
};

/** MongoDB's BSON type order: null < numbers < strings < objects < arrays < booleans < dates. */
export const typeRank = (value: unknown): number => {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'number' || typeof value === 'bigint') return 2;
  if (typeof value === 'string') return 3;
  if (Array.isArray(value)) return 5;
  if (typeof value === 'boolean') return 8;
  if (value instanceof Date) return 9;
  if (value instanceof RegExp) return 11;
  return 4;
};

const sign = (n: number): -1 | 0 | 1 => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Total order over any two values, by type first (as MongoDB sorts mixed types). */
export const compareValues = (a: unknown, b: unknown): -1 | 0 | 1 => {
  const byType = typeRank(a) - typeRank(b);
  if (byType !== 0) return sign(byType);
  if (a === null || a === undefined) return 0;
  if (typeof a === 'number' || typeof a === 'bigint') {
    return sign(Number(a) - Number(b));
  }
  if (typeof a === 'string') return a < (b as string) ? -1 : a > (b as string) ? 1 : 0;
  if (typeof a === 'boolean') return sign(Number(a) - Number(b));
  if (a instanceof Date) return sign(a.getTime() - (b as Date).getTime());
  if (a instanceof RegExp) return compareValues(String(a), String(b));
  if (Array.isArray(a)) {
    const other = b as unknown[];
    for (let i = 0; i < Math.min(a.length, other.length); i += 1) {
      const byItem = compareValues(a[i], other[i]);
      if (byItem !== 0) return byItem;
    }
    return sign(a.length - other.length);
  }
  const aEntries = Object.entries(a as PlainObject);
  const bEntries = Object.entries(b as PlainObject);
  for (let i = 0; i < Math.min(aEntries.length, bEntries.length); i += 1) {
    const [aKey, aValue] = aEntries[i] as [string, unknown];
    const [bKey, bValue] = bEntries[i] as [string, unknown];
    const byValueType = typeRank(aValue) - typeRank(bValue);
    if (byValueType !== 0) return sign(byValueType);
    if (aKey !== bKey) return aKey < bKey ? -1 : 1;
    const byValue = compareValues(aValue, bValue);
    if (byValue !== 0) return byValue;
  }
  return sign(aEntries.length - bEntries.length);
};
