import type { TimelineItem } from '@parley/contracts';

const compareDigits = (a: string, b: string): number => {
  // Keys are decimal strings that can exceed 2^53: compare by length, then text.
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
};

/**
 * The read model's order (C3, C7): by `orderKey`, which places each client message in the order
 * the client wrote it, whatever order it arrived in; never by time shown or by arrival.
 */
export const sortTimeline = (items: readonly TimelineItem[]): TimelineItem[] =>
  [...items].sort((a, b) => {
    const byKey = a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0;
    return byKey !== 0 ? byKey : compareDigits(a.seq, b.seq);
  });
