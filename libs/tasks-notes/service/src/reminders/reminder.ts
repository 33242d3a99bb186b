import { jobId, type DueJob, type JobToSchedule } from '@parley/delayed-jobs';

/** One task's reminder at one due time (R4): the payload of its delayed job. */
export interface Reminder {
  readonly workspaceId: string;
  /** The task's UUID (`TaskCreated.taskId`). */
  readonly taskId: string;
  /** ISO 8601 with offset, as the task's events carry it. */
  readonly dueAt: string;
}

/**
 * One job id per task and due time: `{workspaceId}|{taskId}|{due ms}`, ':' as '_'. The same ids
 * as before the shared delayed-jobs library, so jobs already queued in Redis still match.
 */
export const reminderJobId = (r: Reminder): string => {
  const dueMs = Date.parse(r.dueAt);
  if (!Number.isFinite(dueMs)) throw new Error(`reminder due time "${r.dueAt}" is not a time`);
  return jobId(r.workspaceId, r.taskId, dueMs);
};

/** The delayed job of a reminder: due at the task's due time, the reminder as payload. */
export const reminderJob = (r: Reminder): JobToSchedule<Reminder> => ({
  id: reminderJobId(r),
  dueAt: r.dueAt,
  payload: { workspaceId: r.workspaceId, taskId: r.taskId, dueAt: r.dueAt },
});

/** The reminder of a due job, checked: its payload comes back from Redis (docs/style.md 19). */
export const dueReminder = (job: DueJob<Reminder>): Reminder => {
  const payload: unknown = job.payload;
  const field = (name: keyof Reminder): string => {
    const value = (payload as Record<string, unknown> | null)?.[name];
    if (typeof value !== 'string' || value === '') {
      throw new Error(`delayed job ${job.id} is no task reminder: ${name} is missing`);
    }
    return value;
  };
  if (typeof payload !== 'object' || payload === null) {
    throw new Error(`delayed job ${job.id} is no task reminder: its payload is not an object`);
  }
  const reminder = {
    workspaceId: field('workspaceId'),
    taskId: field('taskId'),
    dueAt: field('dueAt'),
  };
  if (reminderJobId(reminder) !== job.id) {
    throw new Error(`delayed job ${job.id} is no task reminder: its payload is another reminder`);
  }
  return reminder;
};
