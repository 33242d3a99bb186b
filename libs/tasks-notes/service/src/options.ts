import { TASKS_NOTES_SERVICE } from '@parley/contracts';

/** Where reminders wait: BullMQ on Redis (service processes) or timers in process (`npm start`). */
export type RemindersOption =
  | { readonly kind: 'in-process' }
  | { readonly kind: 'bullmq'; readonly redisUrl: string; readonly queueName?: string };

export interface TasksNotesServiceOptions {
  /**
   * The service name commands are addressed to: `parley.{service}.commands` and the processor's
   * consumer group. Default `tasks-notes`; tests give their own.
   */
  readonly service: string;
  readonly reminders: RemindersOption;
}

export const TASKS_NOTES_SERVICE_OPTIONS = 'parley:TasksNotesServiceOptions';
export const REMINDER_SCHEDULER = 'parley:ReminderScheduler';

export const defaultTasksNotesServiceOptions: TasksNotesServiceOptions = {
  service: TASKS_NOTES_SERVICE,
  reminders: { kind: 'in-process' },
};
