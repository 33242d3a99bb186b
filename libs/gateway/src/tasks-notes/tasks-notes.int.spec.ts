import { newId, type CommandEnvelope } from '@parley/contracts';
import { DomainRuleViolation } from '@parley/decider';
import {
  appendingHandler,
  startCommandStandIn,
  type CommandStandIn,
} from '../testing/command-stand-in';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';
import { chatDocument } from '../testing/seed-chats';

const OPEN = 'ws1:tg:1:tasks';
const DONE_TASK = '00000000-0000-4000-8000-0000000000d0';
const GONE_TASK = '00000000-0000-4000-8000-0000000000e0';

describe('gateway: tasks (R4) and notes (R5)', () => {
  let gateway: TestGateway;
  let token: string;
  let userId: string;

  let tasksNotes: CommandStandIn;
  const received = (): CommandEnvelope[] => tasksNotes.received;

  /** A stand-in tasks-notes service: appends one event, or rejects like the real one would. */
  const handle = async (command: CommandEnvelope) => {
    const { taskId } = command.data as { taskId?: string };
    if (taskId === GONE_TASK)
      throw new DomainRuleViolation(
        'task.not_found',
        'There is no such task on this conversation.',
      );
    if (taskId === DONE_TASK && command.type === 'RescheduleTask')
      throw new DomainRuleViolation(
        'task.done',
        'This task is done: reopen it before giving it a new due time.',
      );
    const done = (c: CommandEnvelope) => `TasksNotes.${c.type}Done`;
    return appendingHandler(gateway.store, 'tasksnotes', done)(command);
  };

  beforeAll(async () => {
    gateway = await startTestGateway();
    tasksNotes = await startCommandStandIn(gateway, 'tasks-notes', {
      CreateTask: handle,
      CompleteTask: handle,
      ReopenTask: handle,
      RescheduleTask: handle,
      AddNote: handle,
    });
    await gateway.readStore
      .collection('chats')
      .replaceOne({ _id: OPEN }, chatDocument(OPEN), { upsert: true });
    const session = await gateway.signIn();
    token = session.accessToken;
    userId = session.user.id;
  }, 60_000);

  afterAll(async () => {
    await tasksNotes?.stop();
    await gateway?.close();
  });

  const commandOf = (body: unknown) =>
    received().find((c) => c.commandId === (body as { commandId: string }).commandId)!;

  const task = {
    description: 'Call Anna back',
    dueAt: '2026-12-03T10:00:00+03:00',
    timeZone: 'Europe/Moscow',
  };

  it('given a chat, when creating a task, then 202 with the task id, and the command carries the manager, the assignee and the due time', async () => {
    const taskId = newId();
    const { status, body } = await gateway.call(`/api/chats/${OPEN}/tasks`, {
      token,
      body: { ...task, taskId },
    });

    expect(status).toBe(202);
    expect(body).toEqual({ commandId: expect.any(String), status: 'accepted', taskId });
    expect(commandOf(body)).toMatchObject({
      service: 'tasks-notes',
      type: 'CreateTask',
      data: { ...task, taskId, conversationId: OPEN, assigneeId: userId },
      metadata: {
        workspaceId: 'ws1',
        aggregateId: `ws1:task:${taskId}`,
        actor: { kind: 'manager', id: userId },
      },
    });
  });

  it.each([
    ['description', { ...task, description: '   ' }],
    ['dueAt', { ...task, dueAt: '2026-12-03T10:00:00' }],
    ['dueAt', { ...task, dueAt: '2026-02-30T10:00:00+03:00' }],
    ['timeZone', { ...task, timeZone: 'Mars/Olympus' }],
    ['assigneeId', { ...task, assigneeId: 'nobody' }],
    ['taskId', { ...task, taskId: 'not-a-uuid' }],
  ])('given a bad %s, when creating a task, then 400 naming the field', async (field, body) => {
    const before = received().length;
    const response = await gateway.call(`/api/chats/${OPEN}/tasks`, { token, body });

    expect(response.status).toBe(400);
    expect((response.body as { issues: { field: string }[] }).issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
    expect(received().length).toBe(before);
  });

  it('given a task, when completing, reopening and rescheduling it, then 202 and one command each', async () => {
    const taskId = newId();
    const base = `/api/chats/${OPEN}/tasks/${taskId}`;

    const done = await gateway.call(`${base}/complete`, { token, method: 'POST' });
    const undone = await gateway.call(`${base}/reopen`, { token, method: 'POST' });
    const moved = await gateway.call(`${base}/reschedule`, {
      token,
      body: { dueAt: '2026-12-04T09:30:00+01:00', timeZone: 'Europe/Berlin' },
    });

    expect([done.status, undone.status, moved.status]).toEqual([202, 202, 202]);
    expect([done, undone, moved].map((r) => commandOf(r.body).type)).toEqual([
      'CompleteTask',
      'ReopenTask',
      'RescheduleTask',
    ]);
    expect(commandOf(moved.body).data).toEqual({
      taskId,
      conversationId: OPEN,
      dueAt: '2026-12-04T09:30:00+01:00',
      timeZone: 'Europe/Berlin',
    });
  });

  it('given a rule the service enforces, then 422 with its reason and code, or 404 for an unknown task', async () => {
    const refused = await gateway.call(`/api/chats/${OPEN}/tasks/${DONE_TASK}/reschedule`, {
      token,
      body: { dueAt: '2026-12-04T09:30:00+01:00', timeZone: 'Europe/Berlin' },
    });
    const unknown = await gateway.call(`/api/chats/${OPEN}/tasks/${GONE_TASK}/complete`, {
      token,
      method: 'POST',
    });

    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'task.done',
      message: 'This task is done: reopen it before giving it a new due time.',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'task.not_found' });
  });

  it('given a bad task id or due time, when rescheduling, then 400 naming the field', async () => {
    const badId = await gateway.call(`/api/chats/${OPEN}/tasks/nope/complete`, {
      token,
      method: 'POST',
    });
    const badDue = await gateway.call(`/api/chats/${OPEN}/tasks/${newId()}/reschedule`, {
      token,
      body: { dueAt: 'tomorrow', timeZone: 'Europe/Berlin' },
    });

    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ issues: [{ field: 'taskId' }] });
    expect(badDue.status).toBe(400);
    expect(badDue.body).toMatchObject({ issues: [expect.objectContaining({ field: 'dueAt' })] });
  });

  it('given a chat, when adding a note, then 202 with the note id and the command carries its text; blank text is 400', async () => {
    const ok = await gateway.call(`/api/chats/${OPEN}/notes`, {
      token,
      body: { text: 'Prefers calls after 6 pm' },
    });
    const blank = await gateway.call(`/api/chats/${OPEN}/notes`, { token, body: { text: ' ' } });

    expect(ok.status).toBe(202);
    const { noteId } = ok.body as { noteId: string };
    expect(commandOf(ok.body)).toMatchObject({
      type: 'AddNote',
      data: { noteId, conversationId: OPEN, text: 'Prefers calls after 6 pm' },
      metadata: { aggregateId: `ws1:note:${noteId}` },
    });
    expect(blank.status).toBe(400);
    expect(blank.body).toMatchObject({ issues: [expect.objectContaining({ field: 'text' })] });
  });

  it('given a conversation not in the chat list, when creating a task, then 404', async () => {
    const { status } = await gateway.call(`/api/chats/ws1:tg:1:unknown/tasks`, {
      token,
      body: task,
    });
    expect(status).toBe(404);
  });

  it('given tasks on the card and notes on the timeline, when listing, then tasks come with overdue derived and notes newest first', async () => {
    const open = {
      taskId: newId(),
      description: 'Overdue one',
      dueAt: '2020-01-01T10:00:00+03:00',
      timeZone: 'Europe/Moscow',
      assigneeId: userId,
      status: 'open',
      createdBy: userId,
      createdAt: '2019-12-31T10:00:00.000Z',
      completedAt: null,
      remindedAt: '2020-01-01T07:00:00.000Z',
    };
    const later = {
      ...open,
      taskId: newId(),
      description: 'Later',
      dueAt: '2099-01-01T10:00:00+03:00',
      remindedAt: null,
    };
    const done = {
      ...open,
      taskId: newId(),
      description: 'Done',
      status: 'done',
      completedAt: '2020-01-02T00:00:00.000Z',
    };
    await gateway.readStore.collection('cards').replaceOne(
      { _id: OPEN },
      {
        _id: OPEN,
        workspaceId: 'ws1',
        contact: null,
        deal: null,
        tasks: { [done.taskId]: done, [later.taskId]: later, [open.taskId]: open },
      },
      { upsert: true },
    );
    const note = (noteId: string, at: string, orderKey: string) => ({
      _id: `${OPEN}|${noteId}`,
      workspaceId: 'ws1',
      conversationId: OPEN,
      at,
      seq: orderKey,
      orderKey,
      actor: { kind: 'manager', id: userId },
      item: { kind: 'note', noteId, text: `note ${noteId}`, authorId: userId },
    });
    for (const n of [
      note('n1', '2026-11-01T10:00:00.000Z', '1'),
      note('n2', '2026-11-02T10:00:00.000Z', '2'),
    ]) {
      await gateway.readStore
        .collection('timeline')
        .replaceOne({ _id: n._id }, n, { upsert: true });
    }

    const tasks = await gateway.call(`/api/chats/${OPEN}/tasks`, { token });
    const notes = await gateway.call(`/api/chats/${OPEN}/notes`, { token });

    expect(tasks.status).toBe(200);
    expect(tasks.body).toEqual({
      tasks: [
        { ...open, overdue: true },
        { ...later, overdue: false },
        { ...done, overdue: false },
      ],
    });
    expect(notes.body).toEqual({
      notes: [
        {
          kind: 'note',
          noteId: 'n2',
          text: 'note n2',
          authorId: userId,
          at: '2026-11-02T10:00:00.000Z',
        },
        {
          kind: 'note',
          noteId: 'n1',
          text: 'note n1',
          authorId: userId,
          at: '2026-11-01T10:00:00.000Z',
        },
      ],
    });
  });
});
