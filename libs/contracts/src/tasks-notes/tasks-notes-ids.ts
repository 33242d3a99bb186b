import { streamName } from '../topics/stream-names';
import { TASKS_NOTES_CONTEXT } from './tasks-notes-events';

/** `ws1:task:<taskId>`: the Task aggregate's id (the task id is a UUID, unique per workspace). */
export const taskKey = (workspaceId: string, taskId: string): string =>
  `${workspaceId}:task:${taskId}`;

/** `ws1:note:<noteId>`: the Note aggregate's id. */
export const noteKey = (workspaceId: string, noteId: string): string =>
  `${workspaceId}:note:${noteId}`;

/** The Task aggregate's stream: `tasksnotes-ws1:task:<taskId>`. */
export const taskStream = (workspaceId: string, taskId: string): string =>
  streamName(TASKS_NOTES_CONTEXT, taskKey(workspaceId, taskId));

/** The Note aggregate's stream: `tasksnotes-ws1:note:<noteId>`. */
export const noteStream = (workspaceId: string, noteId: string): string =>
  streamName(TASKS_NOTES_CONTEXT, noteKey(workspaceId, noteId));

/** Every stream of tasks and notes starts with this (for `readAll` filters). */
export const TASKS_NOTES_STREAM_PREFIX = `${TASKS_NOTES_CONTEXT}-`;

/** True for a Task aggregate's stream. */
export const isTaskStream = (stream: string): boolean =>
  stream.startsWith(TASKS_NOTES_STREAM_PREFIX) && stream.includes(':task:');
