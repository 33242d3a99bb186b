import { Sensitive } from '@parley/config';
import { ServiceProcessConfig } from '@parley/platform';
import { Matches } from 'class-validator';

/** The tasks-notes process: the usual service settings and the Redis its reminders wait in. */
export class TasksNotesProcessConfig extends ServiceProcessConfig {
  /** Redis for the reminder queue (BullMQ); may carry a password, so never shown. */
  @Sensitive()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';
}
