import {
  AddNoteDataDto,
  CreateTaskDataDto,
  RecordTaskReminderDataDto,
  RescheduleTaskDataDto,
  TaskRefDataDto,
  validatePlain,
  type AddNoteData,
  type CommandEnvelope,
  type CreateTaskData,
  type RecordTaskReminderData,
  type RescheduleTaskData,
  type TaskRefData,
} from '@parley/contracts';
import {
  requireSameWorkspace as requireWorkspaceOf,
  type CommandHandler,
} from '@parley/command-handling';
import type { EventStore } from '@parley/eventstore';
import { runNoteCommand, runTaskCommand } from '../tasks-notes-streams';

/**
 * The tasks-notes commands: from the gateway `CreateTask`, `CompleteTask`, `ReopenTask`,
 * `RescheduleTask` (R4) and `AddNote` (R5); from the reminder scheduler `RecordTaskReminder`.
 * A broken contract throws ContractViolation, a broken rule DomainRuleViolation: both become
 * rejected outcomes.
 */
export const tasksNotesCommandHandlers = (
  store: EventStore,
): Readonly<Record<string, CommandHandler>> => ({
  CreateTask: async (envelope) => {
    const data = validatePlain<CreateTaskData>(CreateTaskDataDto, envelope.data, 'CreateTask');
    requireSameWorkspace(envelope, data.conversationId);
    return runTaskCommand(
      store,
      data.taskId,
      {
        kind: 'CreateTask',
        taskId: data.taskId,
        conversationId: data.conversationId,
        description: data.description,
        dueAt: data.dueAt,
        timeZone: data.timeZone,
        assigneeId: data.assigneeId,
        managerId: envelope.metadata.actor.id,
        at: envelope.metadata.issuedAt,
      },
      envelope,
    );
  },
  CompleteTask: async (envelope) => {
    const data = validatePlain<TaskRefData>(TaskRefDataDto, envelope.data, 'CompleteTask');
    requireSameWorkspace(envelope, data.conversationId);
    return runTaskCommand(
      store,
      data.taskId,
      {
        kind: 'CompleteTask',
        conversationId: data.conversationId,
        managerId: envelope.metadata.actor.id,
        at: envelope.metadata.issuedAt,
      },
      envelope,
    );
  },
  ReopenTask: async (envelope) => {
    const data = validatePlain<TaskRefData>(TaskRefDataDto, envelope.data, 'ReopenTask');
    requireSameWorkspace(envelope, data.conversationId);
    return runTaskCommand(
      store,
      data.taskId,
      {
        kind: 'ReopenTask',
        conversationId: data.conversationId,
        managerId: envelope.metadata.actor.id,
        at: envelope.metadata.issuedAt,
      },
      envelope,
    );
  },
  RescheduleTask: async (envelope) => {
    const data = validatePlain<RescheduleTaskData>(
      RescheduleTaskDataDto,
      envelope.data,
      'RescheduleTask',
    );
    requireSameWorkspace(envelope, data.conversationId);
    return runTaskCommand(
      store,
      data.taskId,
      {
        kind: 'RescheduleTask',
        conversationId: data.conversationId,
        dueAt: data.dueAt,
        timeZone: data.timeZone,
        managerId: envelope.metadata.actor.id,
        at: envelope.metadata.issuedAt,
      },
      envelope,
    );
  },
  RecordTaskReminder: async (envelope) => {
    const data = validatePlain<RecordTaskReminderData>(
      RecordTaskReminderDataDto,
      envelope.data,
      'RecordTaskReminder',
    );
    return runTaskCommand(
      store,
      data.taskId,
      { kind: 'RecordTaskReminder', dueAt: data.dueAt, at: envelope.metadata.issuedAt },
      envelope,
    );
  },
  AddNote: async (envelope) => {
    const data = validatePlain<AddNoteData>(AddNoteDataDto, envelope.data, 'AddNote');
    requireSameWorkspace(envelope, data.conversationId);
    return runNoteCommand(
      store,
      data.noteId,
      {
        kind: 'AddNote',
        noteId: data.noteId,
        conversationId: data.conversationId,
        text: data.text,
        authorId: envelope.metadata.actor.id,
        at: envelope.metadata.issuedAt,
      },
      envelope,
    );
  },
});

/** A command of one workspace never reaches another's conversation (it reads as not found). */
const requireSameWorkspace = (envelope: CommandEnvelope, conversationId: string): void =>
  requireWorkspaceOf(
    envelope,
    conversationId,
    'conversation',
    `There is no conversation ${conversationId} in this workspace.`,
  );
