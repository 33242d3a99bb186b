import { TASKS_NOTES_SERVICE } from '@parley/contracts';

/** Where reminders wait: BullMQ on Redis (service processes) or timers in process (`npm start`). */
export type RemindersOption =
  | { readonly kind: 'in-process' }
  | {
      readonly kind: 'bullmq';
      readonly redisUrl: string;
      /** Default `tasks-notes-reminders` (DEFAULT_REMINDER_QUEUE); tests give their own. */
      readonly queueName?: string;
    };

export interface TasksNotesServiceOptions {
  /**
   * The service name commands are addressed to: `parley.{service}.commands` and the processor's
   * consumer group. Default `tasks-notes`; tests give their own.
   */
  readonly service: string;
  readonly reminders: RemindersOption;
}

export const TASKS_NOTES_SERVICE_OPTIONS = 'parley:TasksNotesServiceOptions';
/** The delayed jobs (`DelayedJobs<Reminder>`) the reminders wait in. */
export const REMINDER_JOBS = 'parley:TasksNotesReminderJobs';
/** The BullMQ queue of the reminders when `RemindersOption.queueName` is not given. */
export const DEFAULT_REMINDER_QUEUE = 'tasks-notes-reminders';

export const defaultTasksNotesServiceOptions: TasksNotesServiceOptions = {
  service: TASKS_NOTES_SERVICE,
  reminders: { kind: 'in-process' },
};
