/** One task's reminder at one due time (R4). */
export interface Reminder {
  readonly workspaceId: string;
  /** The task's UUID (`TaskCreated.taskId`). */
  readonly taskId: string;
  /** ISO 8601 with offset, as the task's events carry it. */
  readonly dueAt: string;
}

/** Called when a reminder is due; a rejection is retried by the scheduler. */
export type DueReminderHandler = (reminder: Reminder) => Promise<void>;

/**
 * The reminder scheduler port: runs `onDue` once a reminder's due time has come (at once for a
 * time already past). Keyed by task and due time: scheduling the same reminder again is a no-op,
 * rescheduling is cancel(old) + schedule(new), and a cancelled reminder never runs. Delivery is
 * at least once (a crash mid-run runs it again), so `onDue` must be idempotent: the service
 * records the reminder through a command whose id derives from task and due time.
 */
export interface ReminderScheduler {
  /** What it is, for the health page: "BullMQ queue tasks-notes-reminders on Redis at ...". */
  readonly description: string;
  /**
   * True when scheduled reminders outlive the process (BullMQ keeps them in Redis). False for
   * the in-process adapter: the service schedules every open task's reminder again at boot.
   */
  readonly survivesRestart: boolean;
  start(onDue: DueReminderHandler): Promise<void>;
  schedule(reminder: Reminder): Promise<void>;
  cancel(reminder: Reminder): Promise<void>;
  /** Resolves when healthy; resolves with a reason when not. */
  check(): Promise<void | string>;
  stop(): Promise<void>;
}

/** One id per task and due time; no ':' (BullMQ refuses it in custom ids). */
export const reminderJobId = (r: Reminder): string => {
  const dueMs = Date.parse(r.dueAt);
  if (!Number.isFinite(dueMs)) throw new Error(`reminder due time "${r.dueAt}" is not a time`);
  return `${r.workspaceId}|${r.taskId}|${dueMs}`.replace(/:/g, '_');
};
