import { IsKnownTimeZone } from '@parley/contracts';
import { ServiceProcessConfig } from '@parley/platform';

/** The robots process: the usual service settings and the workspace's time zone. */
export class RobotsProcessConfig extends ServiceProcessConfig {
  /** The IANA time zone rules' time conditions are read in (`Europe/Moscow`). */
  @IsKnownTimeZone() PARLEY_TIME_ZONE: string = 'UTC';
}
