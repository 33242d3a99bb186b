import { IsNotEmpty, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsDueAt, IsKnownTimeZone } from './due-time-validators';

/** The tasks-notes service's commands topic: `parley.tasks-notes.commands`. */
export const TASKS_NOTES_SERVICE = 'tasks-notes';

/** Command `CreateTask` (R4): a manager sets a task on a conversation. */
export interface CreateTaskData {
  readonly taskId: string;
  readonly conversationId: string;
  readonly description: string;
  readonly dueAt: string;
  readonly timeZone: string;
  readonly assigneeId: string;
}

export class CreateTaskDataDto implements CreateTaskData {
  @IsUUID() taskId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  // Length and visible text are business rules of the decider, with readable reasons.
  @IsString() description!: string;
  @IsDueAt() dueAt!: string;
  @IsKnownTimeZone() timeZone!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) assigneeId!: string;
}

/** Commands `CompleteTask` and `ReopenTask`: done and undone (R4). */
export interface TaskRefData {
  readonly taskId: string;
  readonly conversationId: string;
}

export class TaskRefDataDto implements TaskRefData {
  @IsUUID() taskId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
}

/** Command `RescheduleTask`: a new due time. */
export interface RescheduleTaskData {
  readonly taskId: string;
  readonly conversationId: string;
  readonly dueAt: string;
  readonly timeZone: string;
}

export class RescheduleTaskDataDto implements RescheduleTaskData {
  @IsUUID() taskId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsDueAt() dueAt!: string;
  @IsKnownTimeZone() timeZone!: string;
}

/**
 * Command `RecordTaskReminder`: the reminder scheduler's job for this due time ran. Its id derives
 * from task and due time, so a job that runs twice records one reminder.
 */
export interface RecordTaskReminderData {
  readonly taskId: string;
  readonly dueAt: string;
}

export class RecordTaskReminderDataDto implements RecordTaskReminderData {
  @IsUUID() taskId!: string;
  @IsDueAt() dueAt!: string;
}

/** Command `AddNote` (R5): an internal note on a conversation. */
export interface AddNoteData {
  readonly noteId: string;
  readonly conversationId: string;
  readonly text: string;
}

export class AddNoteDataDto implements AddNoteData {
  @IsUUID() noteId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() text!: string;
}
