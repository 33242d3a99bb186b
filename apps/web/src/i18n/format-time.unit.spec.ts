import { formatChatTime, formatClockTime, formatDateTime } from './format-time';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe('formatChatTime', () => {
  const now = local(2026, 11, 25, 18, 30);

  it('given a message from today, then shows HH:MM in 24-hour local time', () => {
    expect(formatChatTime(local(2026, 11, 25, 9, 5).toISOString(), now, 'en')).toBe('09:05');
    expect(formatChatTime(local(2026, 11, 25, 0, 0).toISOString(), now, 'ru')).toBe('00:00');
  });

  it('given a message from an earlier day this year, then shows day and month', () => {
    const iso = local(2026, 3, 12, 23, 59).toISOString();
    expect(formatChatTime(iso, now, 'en')).toBe('12 Mar');
    expect(formatChatTime(iso, now, 'ru')).toMatch(/^12 мар/);
  });

  it('given yesterday late evening, then it is a date, not a time', () => {
    expect(formatChatTime(local(2026, 11, 24, 23, 50).toISOString(), now, 'en')).toBe('24 Nov');
  });

  it('given a message from an earlier year, then shows dd.mm.yyyy', () => {
    expect(formatChatTime(local(2025, 1, 3, 10).toISOString(), now, 'en')).toBe('03.01.2025');
  });

  it('given an invalid time, then shows nothing', () => {
    expect(formatChatTime('not a date', now, 'en')).toBe('');
  });
});

describe('formatClockTime and formatDateTime', () => {
  it('given a time, then pads hours and minutes', () => {
    expect(formatClockTime(local(2026, 1, 1, 7, 3))).toBe('07:03');
  });

  it('given a time, then the full form has date and clock', () => {
    expect(formatDateTime(local(2026, 3, 12, 14, 5).toISOString(), 'en')).toBe(
      '12 Mar 2026, 14:05',
    );
  });
});
