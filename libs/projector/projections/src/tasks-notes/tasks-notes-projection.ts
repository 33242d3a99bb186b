import {
  CARDS_COLLECTION,
  TIMELINE_COLLECTION,
  type TaskOnCard,
  type TasksNotesEvent,
  type TasksNotesTimelineItem,
  type TimelineAction,
  type TimelineNote,
} from '@parley/contracts';
import { assertNever } from '@parley/decider';
import { markApplied, notYetApplied } from '../applied-revision';
import { withInsertDefaults } from '../insert-defaults';
import type {
  OperationUpdate,
  ProjectableEvent,
  ReadModelOperation,
} from '../read-model-operation';
import { timelineItemId, timelineOrderKey, timelineSeq } from '../timeline/timeline-projection';

/**
 * Tasks (R4) and notes (R5) on the timeline (C3): `task.created`, `task.completed`,
 * `task.reopened`, `task.rescheduled` and `task.reminder_due` (the assignee's reminder; the web
 * app shows a live notice for its assignee) as actions, and each note as an item of its own kind
 * `note`, never a message. Item ids: a note's id, an action's event id.
 */
export const tasksNotesTimelineOperations = (
  event: TasksNotesEvent,
  source: ProjectableEvent,
): ReadModelOperation[] => {
  const conversationId = event.data.conversationId;
  const createItem = (itemId: string, at: string, item: TimelineAction | TimelineNote) => {
    const { _id, ...fields }: TasksNotesTimelineItem = {
      _id: timelineItemId(conversationId, itemId),
      workspaceId: event.metadata.workspaceId,
      conversationId,
      at,
      seq: timelineSeq(source.position),
      orderKey: timelineOrderKey(at, source.position, 'not a client message'),
      actor: event.metadata.actor,
      item,
    };
    return {
      collection: TIMELINE_COLLECTION,
      filter: { _id, ...notYetApplied(source.streamName, source.revision) },
      update: { $set: { ...fields, ...markApplied(source.streamName, source.revision) } },
      upsert: true,
    } satisfies ReadModelOperation;
  };
  const action = (name: string, at: string, summary: string, details: Record<string, unknown>) =>
    createItem(event.metadata.eventId, at, { kind: 'action', action: name, summary, details });

  switch (event.type) {
    case 'TasksNotes.TaskCreated': {
      const { taskId, description, dueAt, timeZone, assigneeId, createdAt } = event.data;
      return [
        action('task.created', createdAt, `Task created: ${description}`, {
          taskId,
          description,
          dueAt,
          timeZone,
          assigneeId,
        }),
      ];
    }
    case 'TasksNotes.TaskCompleted': {
      const { taskId, completedBy, completedAt } = event.data;
      return [action('task.completed', completedAt, 'Task done', { taskId, completedBy })];
    }
    case 'TasksNotes.TaskReopened': {
      const { taskId, reopenedBy, reopenedAt } = event.data;
      return [action('task.reopened', reopenedAt, 'Task reopened', { taskId, reopenedBy })];
    }
    case 'TasksNotes.TaskRescheduled': {
      const { taskId, dueAt, timeZone, previousDueAt, rescheduledAt } = event.data;
      return [
        action('task.rescheduled', rescheduledAt, `Task due ${dueAt} (${timeZone})`, {
          taskId,
          dueAt,
          timeZone,
          previousDueAt,
        }),
      ];
    }
    case 'TasksNotes.TaskReminderDue': {
      const { taskId, description, dueAt, timeZone, assigneeId, remindedAt } = event.data;
      return [
        action('task.reminder_due', remindedAt, `Task due: ${description}`, {
          taskId,
          description,
          dueAt,
          timeZone,
          assigneeId,
        }),
      ];
    }
    case 'TasksNotes.NoteAdded': {
      const { noteId, text, authorId, addedAt } = event.data;
      return [createItem(noteId, addedAt, { kind: 'note', noteId, text, authorId })];
    }
    default:
      return assertNever(event, 'tasks-notes event');
  }
};

/**
 * The tasks on the client card (R4), `cards.tasks.<taskId>` (`ClientCardTasks`). A task's
 * creation upserts the card (the other halves default to null); later events only update a task
 * that exists, never create half of one. Notes are not on the card.
 */
export const tasksNotesCardOperations = (
  event: TasksNotesEvent,
  source: ProjectableEvent,
): ReadModelOperation[] => {
  const applied = markApplied(source.streamName, source.revision);
  const card = (update: OperationUpdate, upsert: boolean): ReadModelOperation => ({
    collection: CARDS_COLLECTION,
    filter: {
      _id: event.data.conversationId,
      ...notYetApplied(source.streamName, source.revision),
    },
    update: upsert
      ? withInsertDefaults(update, {
          workspaceId: event.metadata.workspaceId,
          contact: null,
          deal: null,
        })
      : update,
    upsert,
  });
  const setTask = (taskId: string, fields: Partial<TaskOnCard>): ReadModelOperation =>
    card(
      {
        $set: {
          ...Object.fromEntries(
            Object.entries(fields).map(([field, value]) => [`tasks.${taskId}.${field}`, value]),
          ),
          ...applied,
        },
      },
      false,
    );

  switch (event.type) {
    case 'TasksNotes.TaskCreated': {
      const d = event.data;
      const task: TaskOnCard = {
        taskId: d.taskId,
        description: d.description,
        dueAt: d.dueAt,
        timeZone: d.timeZone,
        assigneeId: d.assigneeId,
        status: 'open',
        createdBy: d.createdBy,
        createdAt: d.createdAt,
        completedAt: null,
        remindedAt: null,
      };
      return [card({ $set: { [`tasks.${d.taskId}`]: task, ...applied } }, true)];
    }
    case 'TasksNotes.TaskCompleted':
      return [setTask(event.data.taskId, { status: 'done', completedAt: event.data.completedAt })];
    case 'TasksNotes.TaskReopened':
      return [setTask(event.data.taskId, { status: 'open', completedAt: null })];
    case 'TasksNotes.TaskRescheduled':
      return [
        setTask(event.data.taskId, {
          dueAt: event.data.dueAt,
          timeZone: event.data.timeZone,
          remindedAt: null,
        }),
      ];
    case 'TasksNotes.TaskReminderDue':
      return [setTask(event.data.taskId, { remindedAt: event.data.remindedAt })];
    case 'TasksNotes.NoteAdded':
      return [];
    default:
      return assertNever(event, 'tasks-notes event');
  }
};

/** Everything one tasks-notes event does to the read models. */
export const tasksNotesOperations = (
  event: TasksNotesEvent,
  source: ProjectableEvent,
): ReadModelOperation[] => [
  ...tasksNotesTimelineOperations(event, source),
  ...tasksNotesCardOperations(event, source),
];
