export type { NoteDecidedEvent, TaskDecidedEvent } from './tasks-notes-decided-events';
export type {
  CompleteTask,
  CreateTask,
  RecordTaskReminder,
  ReopenTask,
  RescheduleTask,
  TaskCommand,
} from './task/task-commands';
export { pendingReminder, taskDecider, type TaskState } from './task/task-decider';
export { noteDecider, type AddNote, type NoteCommand, type NoteState } from './note/note-decider';
