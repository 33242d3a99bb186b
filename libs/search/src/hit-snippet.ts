import type { SearchHighlight } from '@parley/contracts';

/** Marks ts_headline puts around each matched word (control characters no message contains). */
export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';

/** The longest snippet of a message, in UTF-16 code units (without the ellipses). */
export const SNIPPET_LENGTH = 160;
/** How much of the text before the first match a snippet keeps, about. */
const CONTEXT_BEFORE = 40;
const ELLIPSIS = '…';

export interface Snippet {
  readonly snippet: string;
  readonly highlights: readonly SearchHighlight[];
}

/**
 * A message hit's snippet: `marked` is the (unaccented) text with each matched word between
 * MATCH_START and MATCH_END; `original` the message as written. Where unaccenting kept every
 * character in place (nearly always), the snippet shows the original's characters, else the
 * unaccented text. A long text is cut to a window that starts a little before the first match,
 * at a word's start, with an ellipsis where it was cut.
 */
export const messageSnippet = (marked: string, original: string): Snippet => {
  const ranges: [number, number][] = [];
  let plain = '';
  let start = -1;
  for (const char of marked) {
    if (char === MATCH_START) start = plain.length;
    else if (char === MATCH_END) {
      if (start >= 0 && plain.length > start) ranges.push([start, plain.length]);
      start = -1;
    } else plain += char;
  }
  const text = plain.length === original.length ? original : plain;
  return windowAround(text, ranges);
};

const windowAround = (text: string, ranges: readonly [number, number][]): Snippet => {
  if (text.length <= SNIPPET_LENGTH) return { snippet: text, highlights: ranges };
  const first = ranges[0]?.[0] ?? 0;
  let from = Math.max(0, first - CONTEXT_BEFORE);
  // Start at a word: after the last space before the window, when there is one close by.
  if (from > 0) {
    const space = text.lastIndexOf(' ', from);
    if (space >= 0 && from - space < CONTEXT_BEFORE) from = space + 1;
  }
  let to = Math.min(text.length, from + SNIPPET_LENGTH);
  if (to - from < SNIPPET_LENGTH) from = Math.max(0, to - SNIPPET_LENGTH);
  // Never cut a surrogate pair in two.
  if (isLowSurrogate(text, from)) from -= 1;
  if (isLowSurrogate(text, to)) to -= 1;
  const before = from > 0 ? ELLIPSIS : '';
  const after = to < text.length ? ELLIPSIS : '';
  const shift = before.length - from;
  const highlights = ranges
    .filter(([s, e]) => s >= from && e <= to)
    .map(([s, e]): SearchHighlight => [s + shift, e + shift]);
  return { snippet: `${before}${text.slice(from, to)}${after}`, highlights };
};

const isLowSurrogate = (text: string, index: number): boolean => {
  const code = text.charCodeAt(index);
  return index > 0 && index < text.length && code >= 0xdc00 && code <= 0xdfff;
};

/**
 * A name's, username's or tag's snippet: the value itself, with the query highlighted where it
 * stands. `normalized` is the value as the index compares it (lower-cased, unaccented), `query`
 * the query normalized the same way. Found at a word's start first, anywhere else next; not found
 * (a misspelt query), the word most like the query. When normalizing moved characters (rare: "ß"
 * is "ss"), the whole value is highlighted.
 */
export const fieldSnippet = (value: string, normalized: string, query: string): Snippet => {
  if (value.length === 0) return { snippet: value, highlights: [] };
  if (normalized.length !== value.length)
    return { snippet: value, highlights: [[0, value.length]] };
  const at = wordStartIndex(normalized, query) ?? indexOrNull(normalized.indexOf(query));
  if (query.length > 0 && at !== null) {
    return { snippet: value, highlights: [[at, at + query.length]] };
  }
  const word = mostAlikeWord(normalized, query);
  return { snippet: value, highlights: word ? [word] : [] };
};

const indexOrNull = (index: number): number | null => (index >= 0 ? index : null);

const wordStartIndex = (text: string, query: string): number | null => {
  if (query.length === 0) return null;
  let from = 0;
  for (;;) {
    const index = text.indexOf(query, from);
    if (index < 0) return null;
    if (index === 0 || !isWordCharacter(text[index - 1]!)) return index;
    from = index + 1;
  }
};

const isWordCharacter = (char: string): boolean => /[\p{L}\p{N}]/u.test(char);

/** The word of `text` sharing the most trigrams with `query` (as pg_trgm counts them). */
const mostAlikeWord = (text: string, query: string): [number, number] | null => {
  const wanted = trigrams(query);
  let best: { range: [number, number]; score: number } | null = null;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const own = trigrams(match[0]);
    const shared = [...own].filter((t) => wanted.has(t)).length;
    const score = shared / (own.size + wanted.size - shared || 1);
    if (score > 0 && (!best || score > best.score)) {
      best = { range: [match.index, match.index + match[0].length], score };
    }
  }
  return best?.range ?? null;
};

const trigrams = (word: string): Set<string> => {
  const padded = `  ${word} `;
  const result = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) result.add(padded.slice(i, i + 3));
  return result;
};
