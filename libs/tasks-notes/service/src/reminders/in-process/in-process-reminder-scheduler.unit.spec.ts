import { describeReminderScheduler } from '../testing/reminder-scheduler.contract';
import { InProcessReminderScheduler } from './in-process-reminder-scheduler';

describeReminderScheduler(
  'in process',
  () => new InProcessReminderScheduler({ log: () => undefined }),
);
