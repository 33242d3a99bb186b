export { dueAtProblem, dueTimeProblem, isKnownTimeZone, offsetIn } from './due-time';
export { IsDueAt, IsKnownTimeZone } from './due-time-validators';
export {
  NOTE_TEXT_MAX_LENGTH,
  TASK_DESCRIPTION_MAX_LENGTH,
  TASKS_NOTES_CONTEXT,
  type NoteAdded,
  type NoteEvent,
  type TaskCompleted,
  type TaskCreated,
  type TaskEvent,
  type TaskReminderDue,
  type TaskReopened,
  type TaskRescheduled,
  type TasksNotesEvent,
  type TasksNotesEventType,
} from './tasks-notes-events';
export { tasksNotesEventDefinitions } from './tasks-notes-event-definitions';
export { readAnyTasksNotesEvent, readTasksNotesEvent } from './read-tasks-notes-event';
export {
  isTaskStream,
  noteKey,
  noteStream,
  taskKey,
  taskStream,
  TASKS_NOTES_STREAM_PREFIX,
} from './tasks-notes-ids';
export {
  AddNoteDataDto,
  CreateTaskDataDto,
  RecordTaskReminderDataDto,
  RescheduleTaskDataDto,
  TaskRefDataDto,
  TASKS_NOTES_SERVICE,
  type AddNoteData,
  type CreateTaskData,
  type RecordTaskReminderData,
  type RescheduleTaskData,
  type TaskRefData,
} from './tasks-notes-commands';
export {
  AddNoteRequest,
  CreateTaskRequest,
  RescheduleTaskRequest,
  type NoteList,
  type NoteListItem,
  type TaskList,
  type TaskListItem,
  type TasksNotesCommandResponse,
} from './tasks-notes-api';
export {
  isTaskOverdue,
  type ClientCardTasks,
  type TaskOnCard,
  type TasksNotesTimelineItem,
} from './tasks-notes-read-models';
