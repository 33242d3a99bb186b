import { aMessageItem } from './timeline-fixtures';
import { sortTimeline } from './timeline-order';

describe('sortTimeline', () => {
  it('given items out of order, then in the read model order (orderKey)', () => {
    const items = [
      aMessageItem('m3', '2026-11-25T10:03:00.000Z', '30', 'in', '003'),
      aMessageItem('m1', '2026-11-25T10:01:00.000Z', '10', 'in', '001'),
      aMessageItem('m2', '2026-11-25T10:02:00.000Z', '20', 'in', '002'),
    ];
    expect(sortTimeline(items).map((item) => item._id)).toEqual(['c1|m1', 'c1|m2', 'c1|m3']);
  });

  it('given a client message that arrived late (a later seq and time) but stands earlier by its key, then it shows where the key puts it, not at the end (C7)', () => {
    const items = [
      aMessageItem('m1', '2026-11-25T10:00:01.000Z', '10', 'in', '001'),
      aMessageItem('m3', '2026-11-25T10:00:03.000Z', '11', 'in', '003'),
      aMessageItem('r1', '2026-11-25T10:00:04.000Z', '12', 'out', '004'),
      aMessageItem('m2', '2026-11-25T10:00:09.000Z', '13', 'in', '002'),
    ];
    expect(sortTimeline(items).map((item) => item._id)).toEqual([
      'c1|m1',
      'c1|m2',
      'c1|m3',
      'c1|r1',
    ]);
  });

  it('given the same key, then the event position decides, numerically beyond 2^53', () => {
    const at = '2026-11-25T10:00:00.000Z';
    const items = [
      aMessageItem('b', at, '9007199254740993', 'in', 'k'),
      aMessageItem('c', at, '10000000000000000', 'in', 'k'),
      aMessageItem('a', at, '9', 'in', 'k'),
    ];
    expect(sortTimeline(items).map((item) => item._id)).toEqual(['c1|a', 'c1|b', 'c1|c']);
  });
});
