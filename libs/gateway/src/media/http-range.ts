import type { ByteRange } from '@parley/media-store';

/**
 * The `Range` header of a media request (RFC 9110 14.2): one `bytes=` range, `a-b`, `a-` or
 * `-n`. A header this does not serve (another unit, several ranges, bad syntax) is ignored, as
 * the RFC allows, and the whole file is sent; the store refuses a range past the end (416).
 */
export const parseRangeHeader = (header: string | undefined): ByteRange | null => {
  if (header === undefined) return null;
  const match = /^\s*bytes\s*=\s*(\d{0,15})\s*-\s*(\d{0,15})\s*$/i.exec(header);
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') return { suffixLength: Number(last) };
  if (last === '') return { start: Number(first) };
  const start = Number(first);
  const end = Number(last);
  return end < start ? null : { start, end };
};
