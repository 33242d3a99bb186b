import type { TimelineAction, TimelineItem, TimelineNote } from '../read-models/timeline';

/** Read-model shapes of tasks and notes (R4, R5, C3); the note item is in read-models/timeline. */

/**
 * A timeline item written by the tasks-notes projection: a note, or an action `task.created`,
 * `task.completed`, `task.reopened`, `task.rescheduled`, `task.reminder_due` (details carry
 * `taskId`, `description`, `dueAt`, `timeZone`, `assigneeId`).
 */
export type TasksNotesTimelineItem = Omit<TimelineItem, 'item'> & {
  readonly item: TimelineAction | TimelineNote;
};

/** One task on the client card (R4). Overdue is derived: see `isTaskOverdue`. */
export interface TaskOnCard {
  readonly taskId: string;
  readonly description: string;
  readonly dueAt: string;
  readonly timeZone: string;
  readonly assigneeId: string;
  readonly status: 'open' | 'done';
  readonly createdBy: string;
  readonly createdAt: string;
  readonly completedAt: string | null;
  /** When the reminder for the current due time fired; null until it does. */
  readonly remindedAt: string | null;
}

/** What the client card gains: its tasks by task id (`cards.tasks.<taskId>`). */
export interface ClientCardTasks {
  readonly tasks: Readonly<Record<string, TaskOnCard>>;
}

/** An open task whose due time has passed. */
export const isTaskOverdue = (task: Pick<TaskOnCard, 'status' | 'dueAt'>, now: Date): boolean =>
  task.status === 'open' && Date.parse(task.dueAt) <= now.getTime();
