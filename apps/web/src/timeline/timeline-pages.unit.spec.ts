import type { TimelineItem } from '@parley/contracts';
import { aMessageItem } from './timeline-fixtures';
import {
  fromNewestPage,
  holdsItem,
  NEWEST_PAGE_FIRST_INDEX,
  withFreshNewestPage,
  withOlderPage,
} from './timeline-pages';

const message = (n: number): TimelineItem =>
  aMessageItem(`m${n}`, `2026-11-25T10:${String(n).padStart(2, '0')}:00.000Z`, String(n));
const ids = (items: readonly TimelineItem[]) =>
  items.map((item) => (item.item.kind === 'message' ? item.item.messageId : item._id));

describe('the timeline page by page (C5, issue 11)', () => {
  const opened = fromNewestPage({ items: [message(9), message(8), message(10)], nextCursor: 'k8' });

  it('opens at the newest page, in order, at the first virtual index', () => {
    expect(ids(opened.items)).toEqual(['m8', 'm9', 'm10']);
    expect(opened.olderCursor).toBe('k8');
    expect(opened.firstItemIndex).toBe(NEWEST_PAGE_FIRST_INDEX);
  });

  it('given the page above, then put before with the first index lowered by as many items, so nothing on screen moves', () => {
    const older = withOlderPage(opened, { items: [message(6), message(7)], nextCursor: 'k6' });
    expect(ids(older.items)).toEqual(['m6', 'm7', 'm8', 'm9', 'm10']);
    expect(older.firstItemIndex).toBe(NEWEST_PAGE_FIRST_INDEX - 2);
    expect(older.olderCursor).toBe('k6');
    const top = withOlderPage(older, { items: [message(5)], nextCursor: null });
    expect(top.firstItemIndex).toBe(NEWEST_PAGE_FIRST_INDEX - 3);
    expect(top.olderCursor).toBeNull();
  });

  it('given a live change, then new and changed items are taken in and the pages above stay', () => {
    const older = withOlderPage(opened, { items: [message(7)], nextCursor: 'k7' });
    const changed = { ...message(10), translation: undefined, language: 'ru' };
    const fresh = withFreshNewestPage(older, {
      items: [message(9), changed, message(11)],
      nextCursor: 'k9',
    });
    expect(ids(fresh.items)).toEqual(['m7', 'm8', 'm9', 'm10', 'm11']);
    expect(fresh.items[3]?.language).toBe('ru');
    expect(fresh.firstItemIndex).toBe(older.firstItemIndex);
    expect(fresh.olderCursor).toBe('k7');
  });

  it('given more new items than a page holds, then the timeline starts again from the fresh page', () => {
    const fresh = withFreshNewestPage(opened, {
      items: [message(20), message(21)],
      nextCursor: 'k20',
    });
    expect(ids(fresh.items)).toEqual(['m20', 'm21']);
    expect(fresh.olderCursor).toBe('k20');
  });

  it('knows whether a search hit’s item is loaded yet', () => {
    expect(holdsItem(opened, 'c1|m9')).toBe(true);
    expect(holdsItem(opened, 'c1|m2')).toBe(false);
  });
});
