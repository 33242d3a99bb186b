import { RangeNotSatisfiable } from './media-errors';
import type { ByteRange, ResolvedRange } from './media-store.port';

/**
 * A range against a file of `size` bytes: an end past the file is cut at its end, a suffix
 * longer than the file is the whole file; a start at or past the end (or any range of an empty
 * file) throws RangeNotSatisfiable.
 */
export const resolveRange = (range: ByteRange, size: number): ResolvedRange => {
  if ('suffixLength' in range) {
    if (range.suffixLength <= 0 || size === 0) throw new RangeNotSatisfiable(size);
    return { start: Math.max(0, size - range.suffixLength), end: size - 1 };
  }
  if (range.start >= size) throw new RangeNotSatisfiable(size);
  const end = range.end === undefined ? size - 1 : Math.min(range.end, size - 1);
  if (end < range.start) throw new RangeNotSatisfiable(size);
  return { start: range.start, end };
};
