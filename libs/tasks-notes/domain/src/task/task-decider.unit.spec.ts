import { deciderSpecification } from '@parley/decider';
import type { TaskDecidedEvent } from '../tasks-notes-decided-events';
import { pendingReminder, taskDecider } from './task-decider';
import { foldEvents } from '@parley/decider';

const spec = deciderSpecification(taskDecider);
const taskId = '00000000-0000-4000-8000-00000000000a';
const conversationId = 'ws1:tg:1:2';
const at = '2026-12-01T09:00:00.000Z';
const due = '2026-12-03T10:00:00+03:00';

const created: TaskDecidedEvent = {
  type: 'TasksNotes.TaskCreated',
  data: {
    taskId,
    conversationId,
    description: 'Call Anna back',
    dueAt: due,
    timeZone: 'Europe/Moscow',
    assigneeId: 'manager-2',
    createdBy: 'manager-1',
    createdAt: at,
  },
};
const completed: TaskDecidedEvent = {
  type: 'TasksNotes.TaskCompleted',
  data: { taskId, conversationId, completedBy: 'manager-2', completedAt: at },
};
const reminded = (dueAt = due): TaskDecidedEvent => ({
  type: 'TasksNotes.TaskReminderDue',
  data: {
    taskId,
    conversationId,
    assigneeId: 'manager-2',
    description: 'Call Anna back',
    dueAt,
    timeZone: 'Europe/Moscow',
    remindedAt: at,
  },
});

const create = (over: Partial<Record<string, string>> = {}) => ({
  kind: 'CreateTask' as const,
  taskId,
  conversationId,
  description: 'Call Anna back',
  dueAt: due,
  timeZone: 'Europe/Moscow',
  assigneeId: 'manager-2',
  managerId: 'manager-1',
  at,
  ...over,
});
const complete = (cid = conversationId) => ({
  kind: 'CompleteTask' as const,
  conversationId: cid,
  managerId: 'manager-2',
  at,
});
const reopen = { kind: 'ReopenTask' as const, conversationId, managerId: 'manager-2', at };
const reschedule = (dueAt: string, timeZone = 'Europe/Moscow') => ({
  kind: 'RescheduleTask' as const,
  conversationId,
  dueAt,
  timeZone,
  managerId: 'manager-1',
  at,
});
const remind = (dueAt = due) => ({ kind: 'RecordTaskReminder' as const, dueAt, at });

describe('Task decider (R4)', () => {
  describe('CreateTask', () => {
    it('given no task, when created, then TaskCreated with the creator and the assignee', () =>
      void spec.given([]).when(create()).then([created]));

    it('given the task, when created again on its conversation, then nothing happens', () =>
      void spec.given([created]).when(create()).thenNothingHappened());

    it('given the task, when its id is used on another conversation, then rejected', () =>
      void spec
        .given([created])
        .when(create({ conversationId: 'ws1:tg:1:3' }))
        .thenThrows(
          'task.id_taken',
          'This task id belongs to a task of another conversation: choose a new one.',
        ));

    it('when the description is blank, then rejected with the reason', () =>
      void spec
        .given([])
        .when(create({ description: '  \u200b ' }))
        .thenThrows(
          'task.description_invalid',
          'A task needs a description: it must contain a visible character.',
        ));

    it('when the description is too long, then rejected', () =>
      void spec
        .given([])
        .when(create({ description: 'x'.repeat(2_001) }))
        .thenThrows(
          'task.description_too_long',
          "A task's description is at most 2000 characters; this one has 2001.",
        ));

    it('when the due time has no offset, then rejected', () =>
      void spec
        .given([])
        .when(create({ dueAt: '2026-12-03T10:00:00' }))
        .thenRejects('task.due_invalid'));

    it('when the due date does not exist, then rejected', () =>
      void spec
        .given([])
        .when(create({ dueAt: '2026-02-30T10:00:00+03:00' }))
        .thenThrows(
          'task.due_invalid',
          'The due time cannot be used: dueAt is not a date and time that exists.',
        ));

    it('when the time zone is unknown, then rejected', () =>
      void spec
        .given([])
        .when(create({ timeZone: 'Mars/Olympus' }))
        .thenThrows(
          'task.time_zone_unknown',
          'The due time cannot be used: timeZone "Mars/Olympus" is not an IANA time zone name.',
        ));

    it("when the offset is not the zone's on that date, then rejected", () =>
      void spec
        .given([])
        .when(create({ dueAt: '2026-07-03T10:00:00+01:00', timeZone: 'Europe/Berlin' }))
        .thenThrows(
          'task.due_invalid',
          'The due time cannot be used: dueAt has offset +01:00, but Europe/Berlin is at +02:00 on that date.',
        ));

    it('when there is no assignee, then rejected', () =>
      void spec
        .given([])
        .when(create({ assigneeId: ' ' }))
        .thenThrows('task.assignee_missing', 'A task needs an assignee.'));
  });

  describe('CompleteTask and ReopenTask', () => {
    it('given an open task, when completed, then TaskCompleted', () =>
      void spec.given([created]).when(complete()).then([completed]));

    it('given a done task, when completed again, then nothing happens', () =>
      void spec.given([created, completed]).when(complete()).thenNothingHappened());

    it('given no task, when completed, then not found', () =>
      void spec
        .given([])
        .when(complete())
        .thenThrows('task.not_found', 'There is no such task on this conversation.'));

    it('given a task, when completed from another conversation, then not found', () =>
      void spec.given([created]).when(complete('ws1:tg:1:3')).thenRejects('task.not_found'));

    it('given a done task, when reopened, then TaskReopened', () =>
      void spec
        .given([created, completed])
        .when(reopen)
        .then([
          {
            type: 'TasksNotes.TaskReopened',
            data: { taskId, conversationId, reopenedBy: 'manager-2', reopenedAt: at },
          },
        ]));

    it('given an open task, when reopened, then nothing happens', () =>
      void spec.given([created]).when(reopen).thenNothingHappened());

    it('given no task, when reopened, then not found', () =>
      void spec.given([]).when(reopen).thenRejects('task.not_found'));
  });

  describe('RescheduleTask', () => {
    it('given an open task, when rescheduled, then TaskRescheduled with the previous due time', () =>
      void spec
        .given([created])
        .when(reschedule('2026-12-04T12:30:00+01:00', 'Europe/Berlin'))
        .then([
          {
            type: 'TasksNotes.TaskRescheduled',
            data: {
              taskId,
              conversationId,
              dueAt: '2026-12-04T12:30:00+01:00',
              timeZone: 'Europe/Berlin',
              previousDueAt: due,
              rescheduledBy: 'manager-1',
              rescheduledAt: at,
            },
          },
        ]));

    it('given an open task, when rescheduled to the same time, then nothing happens', () =>
      void spec.given([created]).when(reschedule(due)).thenNothingHappened());

    it('given a done task, when rescheduled, then rejected', () =>
      void spec
        .given([created, completed])
        .when(reschedule('2026-12-04T10:00:00+03:00'))
        .thenThrows('task.done', 'This task is done: reopen it before giving it a new due time.'));

    it('given an open task, when rescheduled to a bad time, then rejected', () =>
      void spec.given([created]).when(reschedule('tomorrow')).thenRejects('task.due_invalid'));

    it('given no task, when rescheduled, then not found', () =>
      void spec.given([]).when(reschedule(due)).thenRejects('task.not_found'));
  });

  describe('RecordTaskReminder', () => {
    it('given an open task, when its reminder fires, then TaskReminderDue for the assignee', () =>
      void spec.given([created]).when(remind()).then([reminded()]));

    it('given the reminder recorded, when the job runs again, then nothing happens', () =>
      void spec.given([created, reminded()]).when(remind()).thenNothingHappened());

    it('given a rescheduled task, when the old due time fires, then nothing happens', () => {
      const rescheduled: TaskDecidedEvent = {
        type: 'TasksNotes.TaskRescheduled',
        data: {
          taskId,
          conversationId,
          dueAt: '2026-12-04T10:00:00+03:00',
          timeZone: 'Europe/Moscow',
          previousDueAt: due,
          rescheduledBy: 'manager-1',
          rescheduledAt: at,
        },
      };
      spec.given([created, rescheduled]).when(remind(due)).thenNothingHappened();
      spec
        .given([created, reminded(), rescheduled])
        .when(remind('2026-12-04T10:00:00+03:00'))
        .then([reminded('2026-12-04T10:00:00+03:00')]);
    });

    it('given a done task, when its reminder fires, then nothing happens', () =>
      void spec.given([created, completed]).when(remind()).thenNothingHappened());

    it('given no task, when a reminder fires, then not found', () =>
      void spec.given([]).when(remind()).thenRejects('task.not_found'));
  });

  describe('pendingReminder', () => {
    it('is the due time of an open task not yet reminded, and nothing otherwise', () => {
      const fold = (events: TaskDecidedEvent[]) => pendingReminder(foldEvents(taskDecider, events));
      expect(fold([created])).toEqual({ dueAt: due, conversationId });
      expect(fold([created, reminded()])).toBeNull();
      expect(fold([created, completed])).toBeNull();
      expect(fold([])).toBeNull();
    });
  });
});
