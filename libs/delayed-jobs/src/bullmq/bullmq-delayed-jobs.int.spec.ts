import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { describeDelayedJobsContract } from '../testing/delayed-jobs.contract';
import type { DueJob } from '../delayed-jobs.port';
import { BullmqDelayedJobs } from './bullmq-delayed-jobs';

const redisUrl = process.env['PARLEY_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** Every queue this run made, removed from Redis at the end. */
const queueNames: string[] = [];
const run = randomUUID().slice(0, 8);

describeDelayedJobsContract('BullMQ on Redis', (name) => {
  const queueName = `${name}-${run}`;
  if (!queueNames.includes(queueName)) queueNames.push(queueName);
  return new BullmqDelayedJobs({ redisUrl, queueName, log: () => undefined });
});

describe('BullMQ delayed jobs: a job queued before this library', () => {
  it('given a job of the old reminder scheduler in the queue (name "reminder", data = the reminder), when due, then it runs with that data as its payload', async () => {
    const queueName = `delayed-jobs-legacy-${run}`;
    queueNames.push(queueName);
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(queueName, { connection: redis });
    const reminder = { workspaceId: 'ws1', taskId: randomUUID(), dueAt: new Date().toISOString() };
    const id = `ws1|${reminder.taskId}|${Date.parse(reminder.dueAt)}`;
    const jobs = new BullmqDelayedJobs({ redisUrl, queueName, log: () => undefined });
    const ran: DueJob<unknown>[] = [];
    try {
      await queue.add('reminder', reminder, { jobId: id, delay: 200 });
      await jobs.start(async (job) => {
        ran.push(job);
      });

      const until = Date.now() + 10_000;
      while (ran.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));

      expect(ran).toEqual([{ id, dueAt: expect.any(String), payload: reminder }]);
    } finally {
      await jobs.stop();
      await queue.close();
      redis.disconnect();
    }
  });
});

afterAll(async () => {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  for (const queueName of queueNames) {
    const queue = new Queue(queueName, { connection: redis });
    await queue.obliterate({ force: true });
    await queue.close();
  }
  redis.disconnect();
});
