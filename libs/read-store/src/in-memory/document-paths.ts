import { isPlainObject, type PlainObject } from './document-values';

/**
 * Dotted paths (`contact.name`, `tags.0`) into documents, for reading (with MongoDB's implicit
 * traversal of arrays) and for writing (creating intermediate objects as MongoDB does).
 */

const isIndex = (part: string): boolean => /^\d+$/.test(part);

export const splitPath = (path: string): readonly string[] => {
  const parts = path.split('.');
  if (parts.some((part) => part === '')) throw new Error(`Invalid field path '${path}'`);
  return parts;
};

/**
 * Every value a query on `parts` looks at. An array met before the end of the path is traversed
 * into its elements (or indexed, for a numeric part). A missing field yields `undefined`.
 */
export const valuesAtPath = (value: unknown, parts: readonly string[]): unknown[] => {
  if (parts.length === 0) return [value];
  const [head, ...rest] = parts as [string, ...string[]];
  if (Array.isArray(value)) {
    const fromElements = value.filter(isPlainObject).flatMap((item) => valuesAtPath(item, parts));
    const fromIndex = isIndex(head) ? valuesAtPath(value[Number(head)], rest) : [];
    const found = [...fromIndex, ...fromElements];
    return found.length > 0 ? found : [undefined];
  }
  if (isPlainObject(value)) return valuesAtPath(value[head], rest);
  return [undefined];
};

/** The one value at `parts`, indexing arrays by numeric parts only (update semantics). */
export const valueAtPath = (value: unknown, parts: readonly string[]): unknown => {
  let current = value;
  for (const part of parts) {
    if (Array.isArray(current) && isIndex(part)) current = current[Number(part)];
    else if (isPlainObject(current)) current = current[part];
    else return undefined;
  }
  return current;
};

const containerAt = (
  document: PlainObject,
  parts: readonly string[],
  path: string,
  create: boolean,
): PlainObject | unknown[] | undefined => {
  let current: PlainObject | unknown[] = document;
  for (const part of parts.slice(0, -1)) {
    const next: unknown = Array.isArray(current)
      ? isIndex(part)
        ? current[Number(part)]
        : undefined
      : current[part];
    if (isPlainObject(next) || Array.isArray(next)) {
      current = next;
      continue;
    }
    if (!create) return undefined;
    if (next !== undefined && next !== null) {
      throw new Error(
        `Cannot create field '${part}' of '${path}': it holds ${JSON.stringify(next)}`,
      );
    }
    if (Array.isArray(current) && !isIndex(part)) {
      throw new Error(`Cannot create field '${part}' of '${path}' in an array`);
    }
    const created: PlainObject = {};
    if (Array.isArray(current)) writeIndex(current, Number(part), created);
    else current[part] = created;
    current = created;
  }
  return current;
};

const writeIndex = (array: unknown[], index: number, value: unknown): void => {
  while (array.length < index) array.push(null);
  array[index] = value;
};

/** Set the value at `path`, creating intermediate objects (and padding arrays with null). */
export const setAtPath = (document: PlainObject, path: string, value: unknown): void => {
  const parts = splitPath(path);
  const container = containerAt(document, parts, path, true) as PlainObject | unknown[];
  const last = parts[parts.length - 1] as string;
  if (Array.isArray(container)) {
    if (!isIndex(last)) throw new Error(`Cannot create field '${last}' of '${path}' in an array`);
    writeIndex(container, Number(last), value);
  } else {
    container[last] = value;
  }
};

/** Remove the field at `path` (an array element becomes null, as in MongoDB). */
export const unsetAtPath = (document: PlainObject, path: string): void => {
  const parts = splitPath(path);
  const container = containerAt(document, parts, path, false);
  const last = parts[parts.length - 1] as string;
  if (container === undefined) return;
  if (Array.isArray(container)) {
    if (isIndex(last) && Number(last) < container.length) container[Number(last)] = null;
  } else {
    delete container[last];
  }
};
