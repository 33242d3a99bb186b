import { describeReminderScheduler } from '../testing/reminder-scheduler.contract';
import { BullmqReminderScheduler } from './bullmq-reminder-scheduler';

const redisUrl = process.env['PARLEY_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describeReminderScheduler(
  'BullMQ on Redis',
  (queueName) => new BullmqReminderScheduler({ redisUrl, queueName, log: () => undefined }),
);
