import { dueTimeProblem, TASK_DESCRIPTION_MAX_LENGTH, visibleTextProblem } from '@parley/contracts';
import { assertNever, DomainRuleViolation, type Decider } from '@parley/decider';
import type { TaskDecidedEvent } from '../tasks-notes-decided-events';
import type { TaskCommand } from './task-commands';

/** What a task is once it exists. */
interface TaskFacts {
  readonly taskId: string;
  readonly conversationId: string;
  readonly description: string;
  readonly dueAt: string;
  readonly timeZone: string;
  readonly assigneeId: string;
  /** The due time whose reminder fired, if it did: one reminder per due time. */
  readonly remindedFor: string | null;
}

export type TaskState =
  | { readonly status: 'none' }
  | ({ readonly status: 'open' } & TaskFacts)
  | ({ readonly status: 'done' } & TaskFacts);

/** The reminder an open task still waits for, or null (done, or this due time already fired). */
export const pendingReminder = (
  state: TaskState,
): { readonly dueAt: string; readonly conversationId: string } | null =>
  state.status === 'open' && state.remindedFor !== state.dueAt
    ? { dueAt: state.dueAt, conversationId: state.conversationId }
    : null;

const notFound = (): DomainRuleViolation =>
  new DomainRuleViolation('task.not_found', 'There is no such task on this conversation.');

/** The task, if it exists on this conversation (another conversation's task reads as none). */
const existing = (state: TaskState, conversationId: string) => {
  if (state.status === 'none' || state.conversationId !== conversationId) throw notFound();
  return state;
};

const requireDueTime = (dueAt: string, timeZone: string): void => {
  const problem = dueTimeProblem(dueAt, timeZone);
  if (!problem) return;
  throw new DomainRuleViolation(
    problem.field === 'timeZone' ? 'task.time_zone_unknown' : 'task.due_invalid',
    `The due time cannot be used: ${problem.reason}.`,
  );
};

const requireDescription = (description: string): void => {
  const problem = visibleTextProblem(description);
  if (problem) {
    throw new DomainRuleViolation(
      'task.description_invalid',
      `A task needs a description: it ${problem}.`,
    );
  }
  if (description.length > TASK_DESCRIPTION_MAX_LENGTH) {
    throw new DomainRuleViolation(
      'task.description_too_long',
      `A task's description is at most ${TASK_DESCRIPTION_MAX_LENGTH} characters; this one has ${description.length}.`,
    );
  }
};

/**
 * The Task aggregate (R4), stream `tasksnotes-{ws}:task:{taskId}`, keyed to its conversation.
 * Open or done; rescheduled while open; the reminder of each due time is recorded once, and
 * only for the due time the task has now (a job left from before a reschedule changes nothing).
 * Repeats (create, complete or reopen twice) change nothing. Overdue is derived, not stored.
 */
export const taskDecider: Decider<TaskCommand, TaskDecidedEvent, TaskState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'TasksNotes.TaskCreated': {
        const d = event.data;
        return {
          status: 'open',
          taskId: d.taskId,
          conversationId: d.conversationId,
          description: d.description,
          dueAt: d.dueAt,
          timeZone: d.timeZone,
          assigneeId: d.assigneeId,
          remindedFor: null,
        };
      }
      case 'TasksNotes.TaskCompleted':
        return state.status === 'none' ? state : { ...state, status: 'done' };
      case 'TasksNotes.TaskReopened':
        return state.status === 'none' ? state : { ...state, status: 'open' };
      case 'TasksNotes.TaskRescheduled':
        return state.status === 'none'
          ? state
          : { ...state, dueAt: event.data.dueAt, timeZone: event.data.timeZone };
      case 'TasksNotes.TaskReminderDue':
        return state.status === 'none' ? state : { ...state, remindedFor: event.data.dueAt };
      default:
        return assertNever(event, 'task event');
    }
  },
  decide: (command, state) => {
    switch (command.kind) {
      case 'CreateTask': {
        if (state.status !== 'none') {
          if (state.conversationId !== command.conversationId) {
            throw new DomainRuleViolation(
              'task.id_taken',
              'This task id belongs to a task of another conversation: choose a new one.',
            );
          }
          return [];
        }
        requireDescription(command.description);
        requireDueTime(command.dueAt, command.timeZone);
        if (command.assigneeId.trim().length === 0) {
          throw new DomainRuleViolation('task.assignee_missing', 'A task needs an assignee.');
        }
        return [
          {
            type: 'TasksNotes.TaskCreated',
            data: {
              taskId: command.taskId,
              conversationId: command.conversationId,
              description: command.description,
              dueAt: command.dueAt,
              timeZone: command.timeZone,
              assigneeId: command.assigneeId,
              createdBy: command.managerId,
              createdAt: command.at,
            },
          },
        ];
      }
      case 'CompleteTask': {
        const task = existing(state, command.conversationId);
        if (task.status === 'done') return [];
        return [
          {
            type: 'TasksNotes.TaskCompleted',
            data: {
              taskId: task.taskId,
              conversationId: task.conversationId,
              completedBy: command.managerId,
              completedAt: command.at,
            },
          },
        ];
      }
      case 'ReopenTask': {
        const task = existing(state, command.conversationId);
        if (task.status === 'open') return [];
        return [
          {
            type: 'TasksNotes.TaskReopened',
            data: {
              taskId: task.taskId,
              conversationId: task.conversationId,
              reopenedBy: command.managerId,
              reopenedAt: command.at,
            },
          },
        ];
      }
      case 'RescheduleTask': {
        const task = existing(state, command.conversationId);
        if (task.status === 'done') {
          throw new DomainRuleViolation(
            'task.done',
            'This task is done: reopen it before giving it a new due time.',
          );
        }
        requireDueTime(command.dueAt, command.timeZone);
        if (task.dueAt === command.dueAt && task.timeZone === command.timeZone) return [];
        return [
          {
            type: 'TasksNotes.TaskRescheduled',
            data: {
              taskId: task.taskId,
              conversationId: task.conversationId,
              dueAt: command.dueAt,
              timeZone: command.timeZone,
              previousDueAt: task.dueAt,
              rescheduledBy: command.managerId,
              rescheduledAt: command.at,
            },
          },
        ];
      }
      case 'RecordTaskReminder': {
        if (state.status === 'none') throw notFound();
        if (state.status === 'done') return [];
        if (state.dueAt !== command.dueAt || state.remindedFor === command.dueAt) return [];
        return [
          {
            type: 'TasksNotes.TaskReminderDue',
            data: {
              taskId: state.taskId,
              conversationId: state.conversationId,
              assigneeId: state.assigneeId,
              description: state.description,
              dueAt: state.dueAt,
              timeZone: state.timeZone,
              remindedAt: command.at,
            },
          },
        ];
      }
      default:
        return assertNever(command, 'task command');
    }
  },
};
