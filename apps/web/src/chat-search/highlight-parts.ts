import type { SearchHighlight } from '@parley/contracts';

/** A piece of a search hit's snippet: shown as is, or inside `<mark>`. */
export interface SnippetPart {
  readonly text: string;
  readonly marked: boolean;
}

/**
 * Cuts a snippet into plain and marked pieces by its highlight ranges (`[start, end)` in UTF-16
 * code units). Ranges may come unsorted, overlapping or past the end: they are clamped and
 * merged, so the pieces always join back into the snippet and never render HTML.
 */
export const highlightParts = (
  snippet: string,
  highlights: readonly SearchHighlight[],
): SnippetPart[] => {
  const ranges = highlights
    .map(([start, end]) => [Math.max(0, start), Math.min(snippet.length, end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) parts.push({ text: snippet.slice(at, start), marked: false });
    parts.push({ text: snippet.slice(start, end), marked: true });
    at = end;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), marked: false });
  return parts;
};
