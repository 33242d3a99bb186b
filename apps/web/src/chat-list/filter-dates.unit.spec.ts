import { dayOfFrom, dayOfTo, fromForDay, toForDay } from './filter-dates';

describe('the filter bar’s date range (issue 11)', () => {
  it('given a day, then `from` is its first instant and `to` the next day’s (exclusive)', () => {
    const from = fromForDay('2026-03-05') ?? '';
    const to = toForDay('2026-03-05') ?? '';
    expect(Date.parse(to) - Date.parse(from)).toBe(24 * 60 * 60 * 1000);
    expect(new Date(from).getDate()).toBe(5);
    expect(new Date(from).getHours()).toBe(0);
  });

  it('shows the same day again in each field', () => {
    expect(dayOfFrom(fromForDay('2026-12-31'))).toBe('2026-12-31');
    expect(dayOfTo(toForDay('2026-12-31'))).toBe('2026-12-31');
  });

  it('given a blank or bad day, then no bound', () => {
    expect(fromForDay('')).toBeUndefined();
    expect(toForDay('5 March')).toBeUndefined();
    expect(dayOfFrom(undefined)).toBe('');
    expect(dayOfTo('not a date')).toBe('');
  });
});
