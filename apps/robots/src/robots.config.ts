import { Sensitive } from '@parley/config';
import { IsKnownTimeZone } from '@parley/contracts';
import { Matches } from 'class-validator';
import { ServiceProcessConfig } from '@parley/platform';

/** The robots process: the usual service settings, the workspace's time zone, the timers' Redis. */
export class RobotsProcessConfig extends ServiceProcessConfig {
  /** The IANA time zone rules' time conditions are read in (`Europe/Moscow`). */
  @IsKnownTimeZone() PARLEY_TIME_ZONE: string = 'UTC';
  /** Redis for the no-reply timers (BullMQ); may carry a password, so never shown. */
  @Sensitive()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';
}
