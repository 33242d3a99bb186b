import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { ClientMessageReceived } from '@parley/contracts';
import { BullmqDelayedJobs } from '@parley/delayed-jobs';
import { waitUntil } from '@parley/test-infra';
import type { RuleBook, BookRule } from '../rule-book/rule-book';
import type { RuleRunner } from '../runs/rule-runner';
import type { NoReplyJob } from './no-reply-job';
import { NoReplyTimers } from './no-reply-timers';

const redisUrl = process.env['PARLEY_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const queueName = `robots-no-reply-test-${randomUUID().slice(0, 8)}`;
const CHAT = 'ws1:tg:1:900';
const RULE_ID = '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a09';

/** A rule waiting a minute for a manager's reply. */
const waitingRule: BookRule = {
  ruleId: RULE_ID,
  enabled: true,
  position: 1,
  createdBy: 'u-admin',
  definition: {
    name: 'No reply for a minute',
    trigger: { kind: 'no_manager_reply', minutes: 1 },
    conditions: [],
    actions: [{ kind: 'add_tag', tag: 'waiting' }],
  },
};

/** A client message recorded `msAgo` ago: its timer comes due a minute after that. */
const messageRecorded = (msAgo: number, conversationId = CHAT): ClientMessageReceived =>
  ({
    type: 'Conversation.ClientMessageReceived',
    data: { conversationId, messageId: randomUUID() },
    metadata: {
      eventId: randomUUID(),
      workspaceId: 'ws1',
      aggregateId: conversationId,
      occurredAt: new Date(Date.now() - msAgo).toISOString(),
      schemaVersion: 3,
      correlationId: randomUUID(),
      causationId: null,
      actor: { kind: 'client', id: 'tg:900' },
    },
  }) as unknown as ClientMessageReceived;

/**
 * The robots' no-reply timers on BullMQ and Redis (a real queue of this run's own): a timer
 * runs its rule on the message that started it, outlives the process that scheduled it, and a
 * manager's reply cancels it. The rule book and the runner stand in for the service around
 * them (what they do is the flow spec's, apps/e2e/src/robots).
 */
describe('robots’ no-reply timers on BullMQ (issue 13)', () => {
  const ran: { conversationId: string; ruleId: string; messageId: string }[] = [];
  const rules = { enabledRules: async () => [waitingRule] } as unknown as RuleBook;
  const runner = {
    runNoReply: async (message: ClientMessageReceived, ruleId: string) => {
      ran.push({
        conversationId: message.data.conversationId,
        ruleId,
        messageId: message.data.messageId,
      });
    },
  } as unknown as RuleRunner;
  const timersProcess = () =>
    new NoReplyTimers(
      new BullmqDelayedJobs<NoReplyJob>({ redisUrl, queueName, log: () => undefined }),
      rules,
      runner,
    );

  afterAll(async () => {
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(queueName, { connection: redis });
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
  });

  it('given a client message, when the robots restart before the minute is over, then the rule runs once after it, on that message', async () => {
    const before = new NoReplyTimers(
      new BullmqDelayedJobs<NoReplyJob>({ redisUrl, queueName, log: () => undefined }),
      rules,
      { runNoReply: async () => undefined } as unknown as RuleRunner,
    );
    await before.onModuleInit();
    const message = messageRecorded(57_000); // due in about 3 s
    await before.clientWrote(message);
    // The process stops before the timer is due; nothing ran in it.
    await before.beforeApplicationShutdown();

    const after = timersProcess();
    await after.onModuleInit();
    try {
      await waitUntil(
        'the rule ran after the restart',
        async () => (ran.length > 0 ? true : undefined),
        15_000,
      );
      expect(ran).toEqual([
        { conversationId: CHAT, ruleId: RULE_ID, messageId: message.data.messageId },
      ]);
    } finally {
      await after.beforeApplicationShutdown();
    }
  });

  it('given a client message, when a manager replies before the minute is over, then the rule never runs', async () => {
    ran.length = 0;
    const timers = timersProcess();
    await timers.onModuleInit();
    try {
      const chat = 'ws1:tg:1:901';
      await timers.clientWrote(messageRecorded(58_500, chat)); // due in about 1.5 s
      await timers.managerReplied('ws1', chat);
      // Past its due time, with the worker running: nothing ran for that chat.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(ran.filter((r) => r.conversationId === chat)).toEqual([]);
    } finally {
      await timers.beforeApplicationShutdown();
    }
  });
});
