import { localTime, withinWorkingTime } from './working-time';

const WEEKDAYS = [1, 2, 3, 4, 5];

describe('time conditions in the workspace’s time zone', () => {
  it('given a UTC instant, then the local weekday and time are the time zone’s', () => {
    // Monday 2026-12-07 23:30 UTC is Tuesday 02:30 in Moscow (UTC+3).
    expect(localTime(new Date('2026-12-07T23:30:00Z'), 'Europe/Moscow')).toEqual({
      weekday: 2,
      minutes: 150,
    });
  });

  it('given working hours 09:00–18:00 on weekdays, then they hold inside and not outside', () => {
    const window = { from: '09:00', to: '18:00', weekdays: WEEKDAYS };
    const berlin = (iso: string) => withinWorkingTime(new Date(iso), 'Europe/Berlin', window);
    expect(berlin('2026-12-07T08:00:00Z')).toBe(true); // Monday 09:00 in Berlin
    expect(berlin('2026-12-07T07:59:00Z')).toBe(false); // 08:59
    expect(berlin('2026-12-07T17:00:00Z')).toBe(false); // 18:00: the end is excluded
    expect(berlin('2026-12-12T10:00:00Z')).toBe(false); // Saturday
  });

  it('given a night window 22:00–02:00 on Fridays, then Saturday 01:00 is in it and Friday 01:00 is not', () => {
    const window = { from: '22:00', to: '02:00', weekdays: [5] };
    const utc = (iso: string) => withinWorkingTime(new Date(iso), 'UTC', window);
    expect(utc('2026-12-11T23:00:00Z')).toBe(true); // Friday 23:00
    expect(utc('2026-12-12T01:00:00Z')).toBe(true); // Saturday 01:00, Friday's night
    expect(utc('2026-12-11T01:00:00Z')).toBe(false); // Friday 01:00 is Thursday's night
    expect(utc('2026-12-12T22:30:00Z')).toBe(false); // Saturday 22:30
  });
});
