import {
  AddNoteDataDto,
  CreateTaskDataDto,
  RecordTaskReminderDataDto,
  RescheduleTaskDataDto,
  TaskRefDataDto,
  type AddNoteData,
  type CommandEnvelope,
  type CreateTaskData,
  type RecordTaskReminderData,
  type RescheduleTaskData,
  type TaskRefData,
} from '@parley/contracts';
import type { ClassConstructor } from 'class-transformer';
import {
  handlerWithData,
  requireSameWorkspace,
  type CommandHandler,
} from '@parley/command-handling';
import type { TaskCommand } from '@parley/tasks-notes-domain';
import type { EventStore } from '@parley/eventstore';
import { runNoteCommand, runTaskCommand } from '../tasks-notes-streams';

/** A command of one workspace never reaches another's conversation (it reads as not found). */
const requireConversationOf = (envelope: CommandEnvelope, conversationId: string): void =>
  requireSameWorkspace(
    envelope,
    conversationId,
    'conversation',
    `There is no conversation ${conversationId} in this workspace.`,
  );

/**
 * The tasks-notes commands: from the gateway `CreateTask`, `CompleteTask`, `ReopenTask`,
 * `RescheduleTask` (R4) and `AddNote` (R5); from the task reminders `RecordTaskReminder`.
 * A broken contract throws ContractViolation, a broken rule DomainRuleViolation: both become
 * rejected outcomes.
 */
export const tasksNotesCommandHandlers = (
  store: EventStore,
): Readonly<Record<string, CommandHandler>> => {
  /** A manager's command on a task of a conversation of their workspace. */
  const onTask = <Data extends { readonly taskId: string; readonly conversationId: string }>(
    dto: ClassConstructor<object>,
    type: string,
    command: (data: Data, envelope: CommandEnvelope) => TaskCommand,
  ): CommandHandler =>
    handlerWithData<Data>(dto, type, (data, envelope) => {
      requireConversationOf(envelope, data.conversationId);
      return runTaskCommand(store, data.taskId, command(data, envelope), envelope);
    });

  return {
    CreateTask: onTask<CreateTaskData>(CreateTaskDataDto, 'CreateTask', (data, { metadata }) => ({
      kind: 'CreateTask',
      taskId: data.taskId,
      conversationId: data.conversationId,
      description: data.description,
      dueAt: data.dueAt,
      timeZone: data.timeZone,
      assigneeId: data.assigneeId,
      managerId: metadata.actor.id,
      at: metadata.issuedAt,
    })),
    CompleteTask: onTask<TaskRefData>(TaskRefDataDto, 'CompleteTask', (data, { metadata }) => ({
      kind: 'CompleteTask',
      conversationId: data.conversationId,
      managerId: metadata.actor.id,
      at: metadata.issuedAt,
    })),
    ReopenTask: onTask<TaskRefData>(TaskRefDataDto, 'ReopenTask', (data, { metadata }) => ({
      kind: 'ReopenTask',
      conversationId: data.conversationId,
      managerId: metadata.actor.id,
      at: metadata.issuedAt,
    })),
    RescheduleTask: onTask<RescheduleTaskData>(
      RescheduleTaskDataDto,
      'RescheduleTask',
      (data, { metadata }) => ({
        kind: 'RescheduleTask',
        conversationId: data.conversationId,
        dueAt: data.dueAt,
        timeZone: data.timeZone,
        managerId: metadata.actor.id,
        at: metadata.issuedAt,
      }),
    ),
    RecordTaskReminder: handlerWithData<RecordTaskReminderData>(
      RecordTaskReminderDataDto,
      'RecordTaskReminder',
      (data, envelope) =>
        runTaskCommand(
          store,
          data.taskId,
          { kind: 'RecordTaskReminder', dueAt: data.dueAt, at: envelope.metadata.issuedAt },
          envelope,
        ),
    ),
    AddNote: handlerWithData<AddNoteData>(AddNoteDataDto, 'AddNote', (data, envelope) => {
      requireConversationOf(envelope, data.conversationId);
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
    }),
  };
};
