import type { DomainEvent } from '../envelope/event-envelope';

/**
 * The events of the tasks-notes context (R4 tasks, R5 notes). Streams `tasksnotes-{taskKey}` and
 * `tasksnotes-{noteKey}` (taskKey `ws1:task:<taskId>`, noteKey `ws1:note:<noteId>`), published
 * to `parley.tasksnotes.events`. `taskId` and `noteId` are UUIDs chosen by the sender, so a
 * retried request creates one task or note.
 */
export type TaskCreated = DomainEvent<
  'TasksNotes.TaskCreated',
  {
    readonly taskId: string;
    readonly conversationId: string;
    readonly description: string;
    /** ISO 8601 with the offset of `timeZone` at that instant. */
    readonly dueAt: string;
    /** IANA time zone name the due time was chosen in. */
    readonly timeZone: string;
    readonly assigneeId: string;
    /** The manager who created it. */
    readonly createdBy: string;
    readonly createdAt: string;
  }
>;

export type TaskCompleted = DomainEvent<
  'TasksNotes.TaskCompleted',
  {
    readonly taskId: string;
    readonly conversationId: string;
    readonly completedBy: string;
    readonly completedAt: string;
  }
>;

export type TaskReopened = DomainEvent<
  'TasksNotes.TaskReopened',
  {
    readonly taskId: string;
    readonly conversationId: string;
    readonly reopenedBy: string;
    readonly reopenedAt: string;
  }
>;

export type TaskRescheduled = DomainEvent<
  'TasksNotes.TaskRescheduled',
  {
    readonly taskId: string;
    readonly conversationId: string;
    readonly dueAt: string;
    readonly timeZone: string;
    /** The due time it had before. */
    readonly previousDueAt: string;
    readonly rescheduledBy: string;
    readonly rescheduledAt: string;
  }
>;

/** The reminder of an open task fired at its due time (once per due time). */
export type TaskReminderDue = DomainEvent<
  'TasksNotes.TaskReminderDue',
  {
    readonly taskId: string;
    readonly conversationId: string;
    readonly assigneeId: string;
    readonly description: string;
    readonly dueAt: string;
    readonly timeZone: string;
    readonly remindedAt: string;
  }
>;

/** An internal note on a conversation (R5): never sent to the client. */
export type NoteAdded = DomainEvent<
  'TasksNotes.NoteAdded',
  {
    readonly noteId: string;
    readonly conversationId: string;
    readonly text: string;
    readonly authorId: string;
    readonly addedAt: string;
  }
>;

export type TaskEvent =
  TaskCreated | TaskCompleted | TaskReopened | TaskRescheduled | TaskReminderDue;
export type NoteEvent = NoteAdded;
export type TasksNotesEvent = TaskEvent | NoteEvent;
export type TasksNotesEventType = TasksNotesEvent['type'];

/** The stream category (and events-topic context) of tasks and notes: `parley.tasksnotes.events`. */
export const TASKS_NOTES_CONTEXT = 'tasksnotes';

/** Limits of what a person writes. */
export const TASK_DESCRIPTION_MAX_LENGTH = 2_000;
export const NOTE_TEXT_MAX_LENGTH = 10_000;
