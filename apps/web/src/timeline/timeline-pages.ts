import type { Page, TimelineItem } from '@parley/contracts';
import { sortTimeline } from './timeline-order';

/**
 * The virtual index of the first item of a freshly opened timeline. Older pages are put before
 * it with lower indexes (react-virtuoso's `firstItemIndex`), so prepending them leaves the item
 * the manager reads where it is on screen (C5).
 */
export const NEWEST_PAGE_FIRST_INDEX = 1_000_000_000;

/** The part of a conversation's timeline loaded so far: from some page up to the newest item. */
export interface LoadedTimeline {
  /** In the read model's order (C3): oldest first. */
  readonly items: readonly TimelineItem[];
  /** The `before` cursor of the page above; null once the first item is loaded. */
  readonly olderCursor: string | null;
  /** The virtual index of `items[0]`: lowered by as many items as were put before it. */
  readonly firstItemIndex: number;
}

/** The newest page, as the timeline opens. */
export const fromNewestPage = (page: Page<TimelineItem>): LoadedTimeline => ({
  items: sortTimeline(page.items),
  olderCursor: page.nextCursor,
  firstItemIndex: NEWEST_PAGE_FIRST_INDEX,
});

/** Items by id, the fresh copy winning, in order; the first index follows the old first item. */
const merged = (
  loaded: LoadedTimeline,
  page: readonly TimelineItem[],
): Pick<LoadedTimeline, 'items' | 'firstItemIndex'> => {
  const byId = new Map(loaded.items.map((item) => [item._id, item]));
  for (const item of page) byId.set(item._id, item);
  const items = sortTimeline([...byId.values()]);
  const previousFirst = loaded.items[0];
  const moved = previousFirst ? items.findIndex((item) => item._id === previousFirst._id) : 0;
  return { items, firstItemIndex: loaded.firstItemIndex - Math.max(0, moved) };
};

/** The page above, loaded while scrolling up (C5) or while looking for a search hit. */
export const withOlderPage = (
  loaded: LoadedTimeline,
  page: Page<TimelineItem>,
): LoadedTimeline => ({ ...merged(loaded, page.items), olderCursor: page.nextCursor });

/**
 * The newest page again, after a live change: new and changed items are taken in, the pages
 * loaded above stay. When more arrived than one page holds, the gap cannot be bridged: the
 * timeline starts again from the fresh page.
 */
export const withFreshNewestPage = (
  loaded: LoadedTimeline,
  page: Page<TimelineItem>,
): LoadedTimeline => {
  const oldestFresh = sortTimeline(page.items)[0];
  const newestLoaded = loaded.items.at(-1);
  const gap =
    page.nextCursor !== null &&
    oldestFresh !== undefined &&
    newestLoaded !== undefined &&
    sortTimeline([newestLoaded, oldestFresh])[0] === newestLoaded &&
    !loaded.items.some((item) => item._id === oldestFresh._id);
  if (loaded.items.length === 0 || gap) {
    return { ...fromNewestPage(page), firstItemIndex: loaded.firstItemIndex };
  }
  return { ...merged(loaded, page.items), olderCursor: loaded.olderCursor };
};

/** Whether the timeline item `timelineItemId` is loaded yet. */
export const holdsItem = (loaded: LoadedTimeline, timelineItemId: string): boolean =>
  loaded.items.some((item) => item._id === timelineItemId);
