import { dueReminder, reminderJob, reminderJobId, type Reminder } from './reminder';

const reminder: Reminder = {
  workspaceId: 'ws1',
  taskId: '0193a4c2-7d1e-7000-8000-000000000001',
  dueAt: '2026-12-03T10:00:00+03:00',
};

describe('task reminders as delayed jobs', () => {
  it('given a reminder, then its job id is workspace|task|due ms, as before the shared library', () => {
    expect(reminderJobId(reminder)).toBe('ws1|0193a4c2-7d1e-7000-8000-000000000001|1796281200000');
    expect(reminderJobId({ ...reminder, workspaceId: 'a:b' })).toMatch(/^a_b\|/);
  });

  it('given a reminder, then its job is due at the task due time with the reminder as payload', () => {
    expect(reminderJob(reminder)).toEqual({
      id: reminderJobId(reminder),
      dueAt: reminder.dueAt,
      payload: reminder,
    });
  });

  it('given a due job with the reminder, then the reminder is read back', () => {
    expect(dueReminder({ ...reminderJob(reminder), dueAt: reminder.dueAt })).toEqual(reminder);
  });

  it('given a due job whose payload is not its reminder, then it is refused', () => {
    const id = reminderJobId(reminder);
    const due = (payload: unknown) =>
      dueReminder({ id, dueAt: reminder.dueAt, payload: payload as Reminder });

    expect(() => due(null)).toThrow(/not an object/);
    expect(() => due({ ...reminder, taskId: 7 })).toThrow(/taskId is missing/);
    expect(() => due({ ...reminder, taskId: 'another' })).toThrow(/another reminder/);
    expect(() => reminderJobId({ ...reminder, dueAt: 'soon' })).toThrow(/not a time/);
  });
});
