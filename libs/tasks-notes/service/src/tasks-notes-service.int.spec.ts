import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createInProcessBus, type Bus } from '@parley/bus';
import { describeOnKafka, testKafkaBus } from '@parley/bus/testing';
import { outcomeStreamName, type CommandSender } from '@parley/command-handling';
import {
  newId,
  noteStream,
  taskStream,
  TASKS_NOTES_SERVICE,
  commandsTopic,
  type CommandEnvelope,
  type EventEnvelope,
} from '@parley/contracts';
import {
  createPgliteEventStore,
  createPostgresEventStore,
  type EventStore,
} from '@parley/eventstore';
import {
  embeddedEngines,
  realEngines,
  startServiceHarness,
  type ServiceHarness,
  type TestEngines,
} from '@parley/platform/testing';
import { createTestDatabase, waitUntil } from '@parley/test-infra';
import { TasksNotesServiceModule, type RemindersOption } from './index';
import { reminderJobId } from './reminders/reminder';

const hex = () => randomBytes(4).toString('hex');
const redisUrl = process.env['PARLEY_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A due time `ms` from now, written in Moscow time (UTC+3 all year). */
const dueIn = (ms: number): string => {
  const moscow = new Date(Date.now() + ms + 3 * 3600_000).toISOString().slice(0, 19);
  return `${moscow}+03:00`;
};

interface Started {
  harness: ServiceHarness<{ timeoutMs: number }>;
  sender: CommandSender;
}

const startService = async (
  engines: TestEngines | Promise<TestEngines>,
  workspaceId: string,
  service: string,
  reminders: RemindersOption,
  relay = true,
): Promise<Started> => {
  const harness = await startServiceHarness({
    engines,
    serviceName: `${service}-process`,
    workspaceId,
    modules: [TasksNotesServiceModule.register({ service, reminders })],
    commandSender: { timeoutMs: 30_000 },
    relay,
  });
  return { harness, sender: harness.sender };
};

const commandFor =
  (workspaceId: string, service: string) =>
  (
    type: string,
    data: Record<string, unknown>,
    aggregateId: string,
  ): CommandEnvelope<string, Record<string, unknown>> => ({
    commandId: newId(),
    service,
    type,
    data,
    metadata: {
      workspaceId,
      aggregateId,
      issuedAt: new Date().toISOString(),
      correlationId: newId(),
      causationId: null,
      actor: { kind: 'manager', id: 'manager-1' },
    },
  });

const eventsOf = async (store: EventStore, stream: string): Promise<EventEnvelope[]> =>
  (await store.readStream(stream)).map((r) => r.event);

/** The service's commands and outcomes on a store and a bus (R4, R5). */
const describeCommands = (name: string, engines: () => Promise<TestEngines>): void => {
  describe(`tasks-notes service on ${name}`, () => {
    const workspaceId = `ws${hex()}`;
    const service = `tasks-notes-${hex()}`;
    const conversationId = `${workspaceId}:tg:1:${hex()}`;
    const command = commandFor(workspaceId, service);
    let started: Started;
    let store: EventStore;
    let bus: Bus;

    beforeAll(async () => {
      started = await startService(engines(), workspaceId, service, { kind: 'in-process' });
      ({ store, bus } = started.harness);
    }, 120_000);

    afterAll(async () => {
      await started?.harness.close();
    });

    const createTask = (taskId: string, dueAt = dueIn(3_600_000)) =>
      command(
        'CreateTask',
        {
          taskId,
          conversationId,
          description: 'Call Anna back',
          dueAt,
          timeZone: 'Europe/Moscow',
          assigneeId: 'manager-2',
        },
        `${workspaceId}:task:${taskId}`,
      );

    it('given no task, when CreateTask is sent, then accepted and TaskCreated carries the manager, workspace and causation', async () => {
      const taskId = newId();
      const cmd = createTask(taskId);

      const outcome = await started.sender.send(cmd);

      expect(outcome).toMatchObject({ commandId: cmd.commandId, status: 'accepted' });
      const [created] = await eventsOf(store, taskStream(workspaceId, taskId));
      expect(created).toMatchObject({
        type: 'TasksNotes.TaskCreated',
        data: {
          taskId,
          conversationId,
          description: 'Call Anna back',
          dueAt: cmd.data['dueAt'],
          timeZone: 'Europe/Moscow',
          assigneeId: 'manager-2',
          createdBy: 'manager-1',
          createdAt: cmd.metadata.issuedAt,
        },
        metadata: {
          workspaceId,
          aggregateId: `${workspaceId}:task:${taskId}`,
          causationId: cmd.commandId,
          correlationId: cmd.metadata.correlationId,
          actor: { kind: 'manager', id: 'manager-1' },
        },
      });
    });

    it('given a command handled, when the same command id arrives again, then it has one effect and one outcome', async () => {
      const taskId = newId();
      const cmd = createTask(taskId);
      expect((await started.sender.send(cmd)).status).toBe('accepted');

      // The same envelope redelivered, then a marker command on the same key (same partition, after it)
      await bus.publish([
        { topic: commandsTopic(service), key: cmd.metadata.aggregateId, value: cmd },
      ]);
      const marker = command('CompleteTask', { taskId, conversationId }, cmd.metadata.aggregateId);
      expect((await started.sender.send(marker)).status).toBe('accepted');

      const types = (await eventsOf(store, taskStream(workspaceId, taskId))).map((e) => e.type);
      expect(types).toEqual(['TasksNotes.TaskCreated', 'TasksNotes.TaskCompleted']);
      expect(await store.readStream(outcomeStreamName(cmd.commandId))).toHaveLength(1);
    });

    it('given a task, when completed, reopened and rescheduled, then each is recorded; a done task cannot be rescheduled', async () => {
      const taskId = newId();
      const key = `${workspaceId}:task:${taskId}`;
      await started.sender.send(createTask(taskId));
      const ref = { taskId, conversationId };
      const later = dueIn(7_200_000);

      expect((await started.sender.send(command('CompleteTask', ref, key))).status).toBe(
        'accepted',
      );
      const refused = await started.sender.send(
        command('RescheduleTask', { ...ref, dueAt: later, timeZone: 'Europe/Moscow' }, key),
      );
      expect((await started.sender.send(command('ReopenTask', ref, key))).status).toBe('accepted');
      const moved = await started.sender.send(
        command('RescheduleTask', { ...ref, dueAt: later, timeZone: 'Europe/Moscow' }, key),
      );

      expect(refused).toMatchObject({
        status: 'rejected',
        code: 'task.done',
        reason: 'This task is done: reopen it before giving it a new due time.',
      });
      expect(moved.status).toBe('accepted');
      const events = await eventsOf(store, taskStream(workspaceId, taskId));
      expect(events.map((e) => e.type)).toEqual([
        'TasksNotes.TaskCreated',
        'TasksNotes.TaskCompleted',
        'TasksNotes.TaskReopened',
        'TasksNotes.TaskRescheduled',
      ]);
      expect(events[3]!.data).toMatchObject({ dueAt: later, previousDueAt: expect.any(String) });
    });

    it('given a bad due time or another workspace, then the command is rejected with the field or not found', async () => {
      const taskId = newId();
      const bad = await started.sender.send(
        command(
          'CreateTask',
          { ...createTask(taskId).data, dueAt: '2026-12-03 10:00' },
          `${workspaceId}:task:${taskId}`,
        ),
      );
      const foreign = await started.sender.send(
        command(
          'CreateTask',
          { ...createTask(taskId).data, conversationId: 'other:tg:1:2' },
          `${workspaceId}:task:${taskId}`,
        ),
      );

      expect(bad).toMatchObject({ status: 'rejected', code: 'validation.failed' });
      expect((bad as { reason: string }).reason).toContain('dueAt');
      expect(foreign).toMatchObject({ status: 'rejected', code: 'conversation.not_found' });
      expect(await eventsOf(store, taskStream(workspaceId, taskId))).toEqual([]);
    });

    it('given a conversation, when a note is added, then NoteAdded with author and time', async () => {
      const noteId = newId();
      const cmd = command(
        'AddNote',
        { noteId, conversationId, text: 'Prefers calls after 6 pm' },
        `${workspaceId}:note:${noteId}`,
      );

      expect((await started.sender.send(cmd)).status).toBe('accepted');

      expect(await eventsOf(store, noteStream(workspaceId, noteId))).toEqual([
        expect.objectContaining({
          type: 'TasksNotes.NoteAdded',
          data: {
            noteId,
            conversationId,
            text: 'Prefers calls after 6 pm',
            authorId: 'manager-1',
            addedAt: cmd.metadata.issuedAt,
          },
        }),
      ]);
    });

    it('given a task due in a moment, then its reminder is recorded once at the due time', async () => {
      const taskId = newId();
      const cmd = createTask(taskId, dueIn(1_500));
      await started.sender.send(cmd);

      const reminder = await waitUntil('TaskReminderDue', async () =>
        (await eventsOf(store, taskStream(workspaceId, taskId))).find(
          (e) => e.type === 'TasksNotes.TaskReminderDue',
        ),
      );
      expect(reminder.data).toMatchObject({
        taskId,
        assigneeId: 'manager-2',
        dueAt: cmd.data['dueAt'],
      });
      expect(
        Date.parse((reminder.data as { remindedAt: string }).remindedAt),
      ).toBeGreaterThanOrEqual(Date.parse(cmd.data['dueAt'] as string) - 50);
      expect(reminder.metadata.actor).toEqual({ kind: 'system', id: TASKS_NOTES_SERVICE });
    });
  });
};

/**
 * The service that scheduled a reminder stops before its due time; a new process of it starts
 * after: the reminder is recorded once, by the new one.
 */
const reminderAfterRestart = async (options: {
  store: EventStore;
  newBus: () => Bus;
  reminders: RemindersOption;
  /** Waits until the first process has handed the reminder to its delayed jobs. */
  scheduled: (reminder: { workspaceId: string; taskId: string; dueAt: string }) => Promise<void>;
  /** The second process relays the store to its bus (false: only boot recovery can schedule). */
  relayAfterRestart: boolean;
}) => {
  const workspaceId = `ws${hex()}`;
  const service = `tasks-notes-${hex()}`;
  const conversationId = `${workspaceId}:tg:1:${hex()}`;
  const taskId = newId();
  const shared = (bus: Bus): TestEngines => ({
    store: options.store,
    bus,
    cleanup: () => bus.close(),
  });
  const dueAt = dueIn(6_000);

  const first = await startService(
    shared(options.newBus()),
    workspaceId,
    service,
    options.reminders,
  );
  try {
    const outcome = await first.sender.send(
      commandFor(workspaceId, service)(
        'CreateTask',
        {
          taskId,
          conversationId,
          description: 'Call back',
          dueAt,
          timeZone: 'Europe/Moscow',
          assigneeId: 'manager-2',
        },
        `${workspaceId}:task:${taskId}`,
      ),
    );
    expect(outcome.status).toBe('accepted');
    await options.scheduled({ workspaceId, taskId, dueAt });
  } finally {
    await first.harness.close();
  }
  const reminders = async () =>
    (await eventsOf(options.store, taskStream(workspaceId, taskId))).filter(
      (e) => e.type === 'TasksNotes.TaskReminderDue',
    );
  await sleep(Math.max(0, Date.parse(dueAt) - Date.now()) + 300);
  expect(await reminders()).toEqual([]);

  const second = await startService(
    shared(options.newBus()),
    workspaceId,
    service,
    options.reminders,
    options.relayAfterRestart,
  );
  try {
    await waitUntil(
      'the reminder after the restart',
      async () => ((await reminders()).length > 0 ? true : undefined),
      60_000,
    );
    await sleep(1_500);
    expect(await reminders()).toHaveLength(1);
  } finally {
    await second.harness.close();
  }
};

describeCommands('PGlite + in-process bus', () => embeddedEngines());

describe('tasks-notes reminders survive a restart: in process, scheduled again from the event store', () => {
  it('given a reminder scheduled by a process that stopped, when a new one boots after the due time, then the reminder is recorded once', async () => {
    const store = await createPgliteEventStore();
    try {
      await reminderAfterRestart({
        store,
        newBus: () => createInProcessBus(),
        reminders: { kind: 'in-process' },
        scheduled: async () => {
          await sleep(500);
        },
        relayAfterRestart: false,
      });
    } finally {
      await store.close();
    }
  }, 120_000);
});

describeOnKafka('tasks-notes service', () => {
  describeCommands('PostgreSQL + Kafka', () => realEngines('tasks_notes'));

  describe('tasks-notes reminders survive a restart: BullMQ on Redis', () => {
    it('given a reminder scheduled by a process that stopped, when a new one starts after the due time, then the reminder is recorded once', async () => {
      const database = await createTestDatabase('tasks_notes');
      const store = await createPostgresEventStore({ connectionString: database.url });
      const queueName = `tasks-notes-int-${hex()}`;
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
      const queue = new Queue(queueName, { connection: redis });
      try {
        await reminderAfterRestart({
          store,
          newBus: () => testKafkaBus(),
          reminders: { kind: 'bullmq', redisUrl, queueName },
          scheduled: (reminder) =>
            waitUntil(
              'the delayed BullMQ job',
              async () => ((await queue.getJob(reminderJobId(reminder))) ? true : undefined),
              30_000,
            ).then(() => undefined) as Promise<void>,
          relayAfterRestart: true,
        });
      } finally {
        await queue.obliterate({ force: true });
        await queue.close();
        redis.disconnect();
        await store.close();
        await database.drop();
      }
    }, 180_000);
  });
});
