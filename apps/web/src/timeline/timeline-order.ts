import type { TimelineItem } from '@parley/contracts';

const compareSeq = (a: string, b: string): number => {
  // Positions are decimal strings that can exceed 2^53: compare by length, then text.
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
};

/** Oldest first by time, the event position breaking ties (C3). */
export const sortTimeline = (items: readonly TimelineItem[]): TimelineItem[] =>
  [...items].sort((a, b) => {
    const byTime = Date.parse(a.at) - Date.parse(b.at);
    if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
    return compareSeq(a.seq, b.seq);
  });
