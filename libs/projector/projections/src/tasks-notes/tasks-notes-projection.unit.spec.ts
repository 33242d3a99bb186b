import type { TasksNotesEvent } from '@parley/contracts';
import type { ProjectableEvent } from '../read-model-operation';
import { timelineOrderKey, timelineSeq } from '../timeline/timeline-projection';
import {
  tasksNotesCardOperations,
  tasksNotesOperations,
  tasksNotesTimelineOperations,
} from './tasks-notes-projection';

const conversationId = 'ws1:tg:1:2';
const taskId = '00000000-0000-4000-8000-00000000000a';
const noteId = '00000000-0000-4000-8000-00000000000b';
const taskStream = `tasksnotes-ws1:task:${taskId}`;
const noteStream = `tasksnotes-ws1:note:${noteId}`;
const manager = { kind: 'manager' as const, id: 'manager-1' };

const metadata = (
  eventId: string,
  actor: { kind: 'manager' | 'system'; id: string } = manager,
) => ({
  eventId,
  workspaceId: 'ws1',
  aggregateId: `ws1:task:${taskId}`,
  occurredAt: '2026-12-01T09:00:00.000Z',
  schemaVersion: 1,
  correlationId: eventId,
  causationId: null,
  actor,
});
const source = (
  event: TasksNotesEvent,
  streamName: string,
  revision: number,
  position: string,
) => ({
  event,
  source: { streamName, revision, position, event } satisfies ProjectableEvent,
});
const guard = (stream: string, revision: number) => ({
  $or: [
    { [`_applied.${stream}`]: { $exists: false } },
    { [`_applied.${stream}`]: { $lt: revision } },
  ],
});

const created = source(
  {
    type: 'TasksNotes.TaskCreated',
    data: {
      taskId,
      conversationId,
      description: 'Call Anna back',
      dueAt: '2026-12-03T10:00:00+03:00',
      timeZone: 'Europe/Moscow',
      assigneeId: 'manager-2',
      createdBy: 'manager-1',
      createdAt: '2026-12-01T09:00:00.000Z',
    },
    metadata: metadata('e1'),
  },
  taskStream,
  0,
  '10',
);
const reminded = source(
  {
    type: 'TasksNotes.TaskReminderDue',
    data: {
      taskId,
      conversationId,
      assigneeId: 'manager-2',
      description: 'Call Anna back',
      dueAt: '2026-12-03T10:00:00+03:00',
      timeZone: 'Europe/Moscow',
      remindedAt: '2026-12-03T07:00:00.100Z',
    },
    metadata: metadata('e2', { kind: 'system', id: 'tasks-notes' }),
  },
  taskStream,
  1,
  '11',
);
const completed = source(
  {
    type: 'TasksNotes.TaskCompleted',
    data: {
      taskId,
      conversationId,
      completedBy: 'manager-2',
      completedAt: '2026-12-03T08:00:00.000Z',
    },
    metadata: metadata('e3'),
  },
  taskStream,
  2,
  '12',
);
const noted = source(
  {
    type: 'TasksNotes.NoteAdded',
    data: {
      noteId,
      conversationId,
      text: 'Prefers calls after 6 pm',
      authorId: 'manager-1',
      addedAt: '2026-12-01T09:05:00.000Z',
    },
    metadata: metadata('e4'),
  },
  noteStream,
  0,
  '13',
);

describe('tasks-notes projection (R4, R5, C3)', () => {
  it('given TaskCreated, then a task.created action on the timeline and an open task on the card', () => {
    expect(tasksNotesOperations(created.event, created.source)).toEqual([
      {
        collection: 'timeline',
        filter: { _id: `${conversationId}|e1`, ...guard(taskStream, 0) },
        update: {
          $set: {
            workspaceId: 'ws1',
            conversationId,
            at: '2026-12-01T09:00:00.000Z',
            seq: timelineSeq('10'),
            orderKey: timelineOrderKey('2026-12-01T09:00:00.000Z', '10', 'not a client message'),
            actor: manager,
            item: {
              kind: 'action',
              action: 'task.created',
              summary: 'Task created: Call Anna back',
              details: {
                taskId,
                description: 'Call Anna back',
                dueAt: '2026-12-03T10:00:00+03:00',
                timeZone: 'Europe/Moscow',
                assigneeId: 'manager-2',
              },
            },
            [`_applied.${taskStream}`]: 0,
          },
        },
        upsert: true,
      },
      {
        collection: 'cards',
        filter: { _id: conversationId, ...guard(taskStream, 0) },
        update: {
          $set: {
            [`tasks.${taskId}`]: {
              taskId,
              description: 'Call Anna back',
              dueAt: '2026-12-03T10:00:00+03:00',
              timeZone: 'Europe/Moscow',
              assigneeId: 'manager-2',
              status: 'open',
              createdBy: 'manager-1',
              createdAt: '2026-12-01T09:00:00.000Z',
              completedAt: null,
              remindedAt: null,
            },
            [`_applied.${taskStream}`]: 0,
          },
          $setOnInsert: { workspaceId: 'ws1', contact: null, deal: null },
        },
        upsert: true,
      },
    ]);
  });

  it('given TaskReminderDue, then a task.reminder_due action by the system for the assignee, and remindedAt on the card', () => {
    const [item, card] = tasksNotesOperations(reminded.event, reminded.source);
    expect(item!.update['$set']).toMatchObject({
      at: '2026-12-03T07:00:00.100Z',
      actor: { kind: 'system', id: 'tasks-notes' },
      item: {
        kind: 'action',
        action: 'task.reminder_due',
        summary: 'Task due: Call Anna back',
        details: { taskId, assigneeId: 'manager-2', dueAt: '2026-12-03T10:00:00+03:00' },
      },
    });
    expect(card).toEqual({
      collection: 'cards',
      filter: { _id: conversationId, ...guard(taskStream, 1) },
      update: {
        $set: {
          [`tasks.${taskId}.remindedAt`]: '2026-12-03T07:00:00.100Z',
          [`_applied.${taskStream}`]: 1,
        },
      },
      upsert: false,
    });
  });

  it('given TaskCompleted, then a task.completed action and the task done on the card (never creating half a task)', () => {
    const [item] = tasksNotesTimelineOperations(completed.event, completed.source);
    expect(item!.update['$set']).toMatchObject({
      item: {
        kind: 'action',
        action: 'task.completed',
        details: { taskId, completedBy: 'manager-2' },
      },
    });
    expect(tasksNotesCardOperations(completed.event, completed.source)).toEqual([
      {
        collection: 'cards',
        filter: { _id: conversationId, ...guard(taskStream, 2) },
        update: {
          $set: {
            [`tasks.${taskId}.status`]: 'done',
            [`tasks.${taskId}.completedAt`]: '2026-12-03T08:00:00.000Z',
            [`_applied.${taskStream}`]: 2,
          },
        },
        upsert: false,
      },
    ]);
  });

  it('given NoteAdded, then a timeline item of kind note, and nothing on the card', () => {
    expect(tasksNotesOperations(noted.event, noted.source)).toEqual([
      {
        collection: 'timeline',
        filter: { _id: `${conversationId}|${noteId}`, ...guard(noteStream, 0) },
        update: {
          $set: {
            workspaceId: 'ws1',
            conversationId,
            at: '2026-12-01T09:05:00.000Z',
            seq: timelineSeq('13'),
            orderKey: timelineOrderKey('2026-12-01T09:05:00.000Z', '13', 'not a client message'),
            actor: manager,
            item: { kind: 'note', noteId, text: 'Prefers calls after 6 pm', authorId: 'manager-1' },
            [`_applied.${noteStream}`]: 0,
          },
        },
        upsert: true,
      },
    ]);
  });
});
