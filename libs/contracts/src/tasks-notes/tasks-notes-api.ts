import { IsNotEmpty, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsVisibleText } from '../validation/visible-text';
import { IsDueAt, IsKnownTimeZone } from './due-time-validators';
import { NOTE_TEXT_MAX_LENGTH, TASK_DESCRIPTION_MAX_LENGTH } from './tasks-notes-events';
import type { TimelineNote } from '../read-models/timeline';
import type { TaskOnCard } from './tasks-notes-read-models';

/** `POST /api/chats/:conversationId/tasks` (R4). */
export class CreateTaskRequest {
  /** Chosen by the web app (UUID) so a retried request creates one task; generated if absent. */
  @IsOptional() @IsUUID() taskId?: string;
  @IsString() @IsVisibleText() @Length(1, TASK_DESCRIPTION_MAX_LENGTH) description!: string;
  /** ISO 8601 with the offset of `timeZone` at that instant: `2026-12-03T10:00:00+03:00`. */
  @IsDueAt() dueAt!: string;
  /** IANA name: `Europe/Moscow`. */
  @IsKnownTimeZone() timeZone!: string;
  /** A user of the workspace; the manager creating it when absent. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) assigneeId?: string;
}

/** `POST /api/chats/:conversationId/tasks/:taskId/reschedule`. */
export class RescheduleTaskRequest {
  @IsDueAt() dueAt!: string;
  @IsKnownTimeZone() timeZone!: string;
}

/** `POST /api/chats/:conversationId/notes` (R5). */
export class AddNoteRequest {
  @IsOptional() @IsUUID() noteId?: string;
  @IsString() @IsVisibleText() @Length(1, NOTE_TEXT_MAX_LENGTH) text!: string;
}

/** 202 to a task or note command. */
export interface TasksNotesCommandResponse {
  readonly commandId: string;
  readonly status: 'accepted';
  readonly taskId?: string;
  readonly noteId?: string;
}

/** A task as the API lists it: `overdue` derived at the time of the request. */
export interface TaskListItem extends TaskOnCard {
  readonly overdue: boolean;
}

/** `GET /api/chats/:conversationId/tasks`: open tasks first by due time, then done ones. */
export interface TaskList {
  readonly tasks: readonly TaskListItem[];
}

/** A note as the API lists it. */
export interface NoteListItem extends TimelineNote {
  readonly at: string;
}

/** `GET /api/chats/:conversationId/notes`: newest first. */
export interface NoteList {
  readonly notes: readonly NoteListItem[];
}
