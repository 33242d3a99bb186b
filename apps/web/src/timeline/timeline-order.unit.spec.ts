import { aMessageItem } from './timeline-fixtures';
import { sortTimeline } from './timeline-order';

describe('sortTimeline', () => {
  it('given items out of order, then oldest first', () => {
    const items = [
      aMessageItem('m3', '2026-11-25T10:03:00.000Z', '30'),
      aMessageItem('m1', '2026-11-25T10:01:00.000Z', '10'),
      aMessageItem('m2', '2026-11-25T10:02:00.000Z', '20'),
    ];
    expect(sortTimeline(items).map((item) => item._id)).toEqual(['c1|m1', 'c1|m2', 'c1|m3']);
  });

  it('given the same time, then the event position decides, numerically beyond 2^53', () => {
    const at = '2026-11-25T10:00:00.000Z';
    const items = [
      aMessageItem('b', at, '9007199254740993'),
      aMessageItem('c', at, '10000000000000000'),
      aMessageItem('a', at, '9'),
    ];
    expect(sortTimeline(items).map((item) => item._id)).toEqual(['c1|a', 'c1|b', 'c1|c']);
  });
});
