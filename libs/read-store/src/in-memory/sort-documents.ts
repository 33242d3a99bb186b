import type { FindOptions, Sort } from '../read-store.port';
import { splitPath, valuesAtPath } from './document-paths';
import { compareValues } from './document-values';

/**
 * MongoDB's sort, skip and limit in process: keys compared in order, missing and null first
 * when ascending, an array sorted by its smallest element ascending and its largest descending.
 * Ties keep the order the documents came in.
 */

const sortValue = (document: unknown, parts: readonly string[], direction: 1 | -1): unknown => {
  const values = valuesAtPath(document, parts).flatMap((value) =>
    Array.isArray(value) && value.length > 0 ? value : [value],
  );
  return values.reduce((best, value) => (compareValues(value, best) === -direction ? value : best));
};

const sortKeysOf = (sort: Sort): { parts: readonly string[]; direction: 1 | -1 }[] =>
  Object.entries(sort).map(([path, direction]) => {
    if (direction !== 1 && direction !== -1) {
      throw new Error(`Sort direction of '${path}' must be 1 or -1`);
    }
    return { parts: splitPath(path), direction };
  });

export const sortDocuments = <T>(documents: readonly T[], sort: Sort): T[] => {
  const keys = sortKeysOf(sort);
  if (keys.length === 0) return [...documents];
  const decorated = documents.map((document, index) => ({
    document,
    index,
    values: keys.map(({ parts, direction }) => sortValue(document, parts, direction)),
  }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i += 1) {
      const order = compareValues(a.values[i], b.values[i]) * (keys[i]?.direction ?? 1);
      if (order !== 0) return order;
    }
    return a.index - b.index;
  });
  return decorated.map(({ document }) => document);
};

const count = (name: string, value: number | undefined): number => {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number >= 0`);
  return value;
};

/** The page `options` ask for, checked: where it starts, and where it ends (`Infinity`: no limit). */
export const pageWindow = (options: FindOptions = {}): { start: number; end: number } => {
  if (options.sort) sortKeysOf(options.sort);
  const skip = count('skip', options.skip);
  const limit = count('limit', options.limit);
  // A limit of 0 means no limit, as in MongoDB.
  return { start: skip, end: limit === 0 ? Infinity : skip + limit };
};

/** Sort, then skip, then limit. */
export const pageOfDocuments = <T>(documents: readonly T[], options: FindOptions = {}): T[] => {
  const { start, end } = pageWindow(options);
  const sorted = options.sort ? sortDocuments(documents, options.sort) : [...documents];
  return sorted.slice(start, end);
};
