import { dueTimeProblem } from '@parley/contracts';
import { taskDueAt } from './task-due-time';

describe('the due time of a robot’s task', () => {
  it.each([
    ['2026-12-02T21:30:00.000Z', 90, 'Europe/Moscow', '2026-12-03T02:00:00.000+03:00'],
    ['2026-12-02T21:30:00.000Z', 0, 'UTC', '2026-12-02T21:30:00.000+00:00'],
    ['2026-12-02T21:30:15.250Z', 60, 'America/New_York', '2026-12-02T17:30:15.250-05:00'],
    ['2026-12-02T21:30:00.000Z', 30, 'Asia/Kolkata', '2026-12-03T03:30:00.000+05:30'],
    // New York leaves summer time at 06:00 UTC on 1 November 2026: the offset of the due instant.
    ['2026-11-01T05:30:00.000Z', 60, 'America/New_York', '2026-11-01T01:30:00.000-05:00'],
  ])('given a run at %s and %i minutes in %s, then %s', (ranAt, minutes, timeZone, dueAt) => {
    expect(taskDueAt(ranAt, minutes, timeZone)).toBe(dueAt);
    expect(dueTimeProblem(dueAt, timeZone)).toBeNull();
  });
});
