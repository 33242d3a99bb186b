import type { TaskOnCard } from '@parley/contracts';
import { dueAtIn, isTaskOverdue, localDateTimeIn, tasksInOrder } from './card-tasks';

const task = (taskId: string, dueAt: string, status: 'open' | 'done' = 'open'): TaskOnCard => ({
  taskId,
  description: taskId,
  dueAt,
  timeZone: 'Europe/Moscow',
  assigneeId: 'u1',
  status,
  createdBy: 'u1',
  createdAt: '2026-12-01T09:00:00.000Z',
  completedAt: status === 'done' ? '2026-12-01T10:00:00.000Z' : null,
  remindedAt: null,
});

describe('isTaskOverdue', () => {
  const now = new Date('2026-12-02T12:00:00.000Z');

  it('given an open task due before now, then overdue', () => {
    expect(isTaskOverdue(task('a', '2026-12-02T14:59:00+03:00'), now)).toBe(true);
  });

  it('given an open task due later, then not overdue', () => {
    expect(isTaskOverdue(task('a', '2026-12-02T15:01:00+03:00'), now)).toBe(false);
  });

  it('given a done task due long ago, then not overdue', () => {
    expect(isTaskOverdue(task('a', '2026-11-01T10:00:00+03:00', 'done'), now)).toBe(false);
  });
});

describe('tasksInOrder', () => {
  it('given open and done tasks, then open ones soonest first, then done ones', () => {
    const tasks = {
      late: task('late', '2026-12-05T10:00:00+03:00'),
      done: task('done', '2026-12-01T10:00:00+03:00', 'done'),
      soon: task('soon', '2026-12-03T10:00:00+03:00'),
    };
    expect(tasksInOrder(tasks).map((t) => t.taskId)).toEqual(['soon', 'late', 'done']);
    expect(tasksInOrder(undefined)).toEqual([]);
  });
});

describe('due times in a time zone', () => {
  it('given a picked date and time, then it is written with the zone offset of that day', () => {
    expect(dueAtIn('2026-12-03T10:00', 'Europe/Moscow')).toBe('2026-12-03T10:00:00+03:00');
    expect(dueAtIn('2026-12-03T10:00', 'America/New_York')).toBe('2026-12-03T10:00:00-05:00');
    expect(dueAtIn('2026-07-03T10:00', 'America/New_York')).toBe('2026-07-03T10:00:00-04:00');
    expect(dueAtIn('2026-12-03T10:00', 'Asia/Kolkata')).toBe('2026-12-03T10:00:00+05:30');
    expect(dueAtIn('2026-12-03T10:00', 'UTC')).toBe('2026-12-03T10:00:00+00:00');
  });

  it('given something that is not a date and time, then null', () => {
    expect(dueAtIn('', 'Europe/Moscow')).toBeNull();
    expect(dueAtIn('tomorrow', 'Europe/Moscow')).toBeNull();
  });

  it('given a due time, then the date and time to edit in the zone', () => {
    expect(localDateTimeIn('2026-12-03T07:00:00.000Z', 'Europe/Moscow')).toBe('2026-12-03T10:00');
    expect(localDateTimeIn('2026-07-03T10:00:00-04:00', 'America/New_York')).toBe(
      '2026-07-03T10:00',
    );
    expect(localDateTimeIn('nonsense', 'UTC')).toBe('');
  });
});
