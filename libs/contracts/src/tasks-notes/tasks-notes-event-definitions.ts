import { IsISO8601, IsNotEmpty, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import type { EventDefinition } from '../upcasting/event-catalog';
import { IsDueAt, IsKnownTimeZone } from './due-time-validators';
import {
  NOTE_TEXT_MAX_LENGTH,
  TASK_DESCRIPTION_MAX_LENGTH,
  type NoteAdded,
  type TaskCompleted,
  type TaskCreated,
  type TaskReminderDue,
  type TaskReopened,
  type TaskRescheduled,
} from './tasks-notes-events';

type DataOf<E extends { readonly data: object }> = E['data'];

/** Payload DTOs of the tasks-notes events, for consumers to validate what they read (style 19). */
export class TaskCreatedDataDto implements DataOf<TaskCreated> {
  @IsUUID() taskId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @Length(1, TASK_DESCRIPTION_MAX_LENGTH) description!: string;
  @IsDueAt() dueAt!: string;
  @IsKnownTimeZone() timeZone!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) assigneeId!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) createdBy!: string;
  @IsISO8601({ strict: true }) createdAt!: string;
}

export class TaskCompletedDataDto implements DataOf<TaskCompleted> {
  @IsUUID() taskId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) completedBy!: string;
  @IsISO8601({ strict: true }) completedAt!: string;
}

export class TaskReopenedDataDto implements DataOf<TaskReopened> {
  @IsUUID() taskId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) reopenedBy!: string;
  @IsISO8601({ strict: true }) reopenedAt!: string;
}

export class TaskRescheduledDataDto implements DataOf<TaskRescheduled> {
  @IsUUID() taskId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsDueAt() dueAt!: string;
  @IsKnownTimeZone() timeZone!: string;
  @IsDueAt() previousDueAt!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) rescheduledBy!: string;
  @IsISO8601({ strict: true }) rescheduledAt!: string;
}

export class TaskReminderDueDataDto implements DataOf<TaskReminderDue> {
  @IsUUID() taskId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) assigneeId!: string;
  @IsString() @Length(1, TASK_DESCRIPTION_MAX_LENGTH) description!: string;
  @IsDueAt() dueAt!: string;
  @IsKnownTimeZone() timeZone!: string;
  @IsISO8601({ strict: true }) remindedAt!: string;
}

export class NoteAddedDataDto implements DataOf<NoteAdded> {
  @IsUUID() noteId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @Length(1, NOTE_TEXT_MAX_LENGTH) text!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) authorId!: string;
  @IsISO8601({ strict: true }) addedAt!: string;
}

/** The tasks-notes events for the EventCatalog: each at its first version. */
export const tasksNotesEventDefinitions: readonly EventDefinition[] = [
  { type: 'TasksNotes.TaskCreated', schemaVersion: 1, data: TaskCreatedDataDto },
  { type: 'TasksNotes.TaskCompleted', schemaVersion: 1, data: TaskCompletedDataDto },
  { type: 'TasksNotes.TaskReopened', schemaVersion: 1, data: TaskReopenedDataDto },
  { type: 'TasksNotes.TaskRescheduled', schemaVersion: 1, data: TaskRescheduledDataDto },
  { type: 'TasksNotes.TaskReminderDue', schemaVersion: 1, data: TaskReminderDueDataDto },
  { type: 'TasksNotes.NoteAdded', schemaVersion: 1, data: NoteAddedDataDto },
];
