import { noteKey, noteStream, taskKey, taskStream, type CommandEnvelope } from '@parley/contracts';
import { handleCommand, type CommandHandler } from '@parley/command-handling';
import {
  noteDecider,
  taskDecider,
  type NoteCommand,
  type TaskCommand,
} from '@parley/tasks-notes-domain';
import type { EventStore } from '@parley/eventstore';

/** Run one Task command on `tasksnotes-{ws}:task:{taskId}`: read, fold, decide, append. */
export const runTaskCommand = (
  store: EventStore,
  taskId: string,
  command: TaskCommand,
  envelope: CommandEnvelope,
): ReturnType<CommandHandler> =>
  handleCommand({
    store,
    streamName: taskStream(envelope.metadata.workspaceId, taskId),
    aggregateId: taskKey(envelope.metadata.workspaceId, taskId),
    decider: taskDecider,
    command,
    envelope,
  });

/** Run one Note command on `tasksnotes-{ws}:note:{noteId}`. */
export const runNoteCommand = (
  store: EventStore,
  noteId: string,
  command: NoteCommand,
  envelope: CommandEnvelope,
): ReturnType<CommandHandler> =>
  handleCommand({
    store,
    streamName: noteStream(envelope.metadata.workspaceId, noteId),
    aggregateId: noteKey(envelope.metadata.workspaceId, noteId),
    decider: noteDecider,
    command,
    envelope,
  });
