import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Bus, OutgoingMessage } from '@parley/bus';
import {
  commandsTopic,
  newId,
  taskKey,
  taskStream,
  type CommandEnvelope,
  type EventEnvelope,
} from '@parley/contracts';
import { BullmqDelayedJobs, InProcessDelayedJobs, type DelayedJobs } from '@parley/delayed-jobs';
import { createPgliteEventStore, type EventStore } from '@parley/eventstore';
import { DEFAULT_REMINDER_QUEUE, type TasksNotesServiceOptions } from '../options';
import type { Reminder } from './reminder';
import { TaskReminders } from './task-reminders';

/**
 * TaskReminders over each delayed-jobs adapter, on an embedded event store and a bus that only
 * records (no Kafka): the reminder cases of tasks-notes-service.int.spec.ts whose BullMQ run needs
 * Kafka, here with Redis alone.
 */
const redisUrl = process.env['PARLEY_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const hex = () => randomBytes(4).toString('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const service = 'tasks-notes-reminders-spec';
const options: TasksNotesServiceOptions = { service, reminders: { kind: 'in-process' } };

const waitFor = async (what: string, check: () => boolean, timeoutMs = 15_000) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
};

const recordingBus = (published: OutgoingMessage[]): Bus => ({
  publish: async (messages) => {
    published.push(...messages);
  },
  subscribe: () => Promise.reject(new Error('this bus only records what is published')),
  close: async () => undefined,
});

const taskEvent = (
  workspaceId: string,
  taskId: string,
  type: 'TasksNotes.TaskCreated' | 'TasksNotes.TaskRescheduled',
  data: Record<string, unknown>,
): EventEnvelope => ({
  type,
  data: { taskId, conversationId: `${workspaceId}:tg:1:2`, timeZone: 'Europe/Moscow', ...data },
  metadata: {
    eventId: newId(),
    workspaceId,
    aggregateId: taskKey(workspaceId, taskId),
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    correlationId: newId(),
    causationId: null,
    actor: { kind: 'manager', id: 'manager-1' },
  },
});

const created = (workspaceId: string, taskId: string, dueAt: string) =>
  taskEvent(workspaceId, taskId, 'TasksNotes.TaskCreated', {
    description: 'Call Anna back',
    dueAt,
    assigneeId: 'manager-2',
    createdBy: 'manager-1',
    createdAt: new Date().toISOString(),
  });

const describeTaskReminders = (
  adapter: string,
  makeJobs: (queueName: string) => DelayedJobs<Reminder>,
  cleanup: (queueName: string) => Promise<void>,
) => {
  describe(`task reminders on ${adapter}`, () => {
    let store: EventStore;
    const published: OutgoingMessage[] = [];
    const running: TaskReminders[] = [];
    const queues: string[] = [];

    const started = async (queueName: string) => {
      if (!queues.includes(queueName)) queues.push(queueName);
      const reminders = new TaskReminders(
        store,
        recordingBus(published),
        () => new Date(),
        options,
        makeJobs(queueName),
      );
      await reminders.onModuleInit();
      await reminders.onApplicationBootstrap();
      running.push(reminders);
      return reminders;
    };
    const commandsFor = (taskId: string) =>
      published
        .map((m) => m.value as CommandEnvelope<string, { taskId: string; dueAt: string }>)
        .filter((c) => c.type === 'RecordTaskReminder' && c.data.taskId === taskId);

    beforeAll(async () => {
      store = await createPgliteEventStore();
    });
    afterEach(async () => {
      for (const r of running.splice(0)) await r.beforeApplicationShutdown();
    });
    afterAll(async () => {
      for (const q of queues) await cleanup(q);
      await store?.close();
    });

    it('given a task due in a moment, when synced, then RecordTaskReminder is published once, at the due time', async () => {
      const reminders = await started(`tasks-notes-spec-${hex()}`);
      const workspaceId = `ws${hex()}`;
      const taskId = newId();
      const dueAt = new Date(Date.now() + 800).toISOString();
      await store.append(taskStream(workspaceId, taskId), [created(workspaceId, taskId, dueAt)], {
        expected: 'no_stream',
      });

      await reminders.syncTask(workspaceId, taskId);
      await reminders.syncTask(workspaceId, taskId);

      await waitFor('the reminder command', () => commandsFor(taskId).length > 0);
      await sleep(700);
      const [command, ...more] = commandsFor(taskId);
      expect(more).toEqual([]);
      expect(Date.parse(command!.metadata.issuedAt)).toBeGreaterThanOrEqual(Date.parse(dueAt) - 50);
      expect(command).toMatchObject({
        service,
        data: { taskId, dueAt },
        metadata: { workspaceId, aggregateId: taskKey(workspaceId, taskId) },
      });
      expect(published.find((m) => m.value === command)).toMatchObject({
        topic: commandsTopic(service),
        key: taskKey(workspaceId, taskId),
      });
    });

    it('given a task rescheduled before its due time, when synced, then only the new due time is reminded', async () => {
      const reminders = await started(`tasks-notes-spec-${hex()}`);
      const workspaceId = `ws${hex()}`;
      const taskId = newId();
      const first = new Date(Date.now() + 600).toISOString();
      const moved = new Date(Date.now() + 1_400).toISOString();
      const stream = taskStream(workspaceId, taskId);
      await store.append(stream, [created(workspaceId, taskId, first)], { expected: 'no_stream' });
      await reminders.syncTask(workspaceId, taskId);

      await store.append(
        stream,
        [
          taskEvent(workspaceId, taskId, 'TasksNotes.TaskRescheduled', {
            dueAt: moved,
            previousDueAt: first,
            rescheduledBy: 'manager-1',
            rescheduledAt: new Date().toISOString(),
          }),
        ],
        { expected: 0 },
      );
      await reminders.syncTask(workspaceId, taskId);

      await waitFor('the reminder command', () => commandsFor(taskId).length > 0);
      await sleep(500);
      expect(commandsFor(taskId).map((c) => c.data.dueAt)).toEqual([moved]);
    });

    it('given a reminder scheduled by a process that stopped, when a new one starts after the due time, then it is published once', async () => {
      const queueName = `tasks-notes-spec-${hex()}`;
      const first = await started(queueName);
      const workspaceId = `ws${hex()}`;
      const taskId = newId();
      const dueAt = new Date(Date.now() + 600).toISOString();
      await store.append(taskStream(workspaceId, taskId), [created(workspaceId, taskId, dueAt)], {
        expected: 'no_stream',
      });
      await first.syncTask(workspaceId, taskId);
      await first.beforeApplicationShutdown();
      running.splice(running.indexOf(first), 1);
      await sleep(900);
      expect(commandsFor(taskId)).toEqual([]);

      await started(queueName);

      await waitFor('the reminder after the restart', () => commandsFor(taskId).length > 0);
      await sleep(700);
      expect(commandsFor(taskId)).toHaveLength(1);
    });
  });
};

describeTaskReminders(
  'BullMQ on Redis',
  (queueName) => new BullmqDelayedJobs<Reminder>({ redisUrl, queueName, log: () => undefined }),
  async (queueName) => {
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(queueName, { connection: redis });
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
  },
);

describeTaskReminders(
  'timers in process',
  () => new InProcessDelayedJobs<Reminder>({ log: () => undefined }),
  async () => undefined,
);

describe('task reminders queue', () => {
  it('keeps its default BullMQ queue name', () => {
    expect(DEFAULT_REMINDER_QUEUE).toBe('tasks-notes-reminders');
  });
});
