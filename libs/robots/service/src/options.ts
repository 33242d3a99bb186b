import {
  CONVERSATION_SERVICE,
  CRM_SERVICE,
  ROBOTS_SERVICE,
  TASKS_NOTES_SERVICE,
} from '@parley/contracts';

/** Where no-reply timers wait: BullMQ on Redis (service processes) or in process (`npm start`). */
export type TimersOption =
  | { readonly kind: 'in-process' }
  | {
      readonly kind: 'bullmq';
      readonly redisUrl: string;
      /** Default `robots-no-reply` (DEFAULT_TIMER_QUEUE); tests give their own. */
      readonly queueName?: string;
    };

/** The BullMQ queue of the no-reply timers when `TimersOption.queueName` is not given. */
export const DEFAULT_TIMER_QUEUE = 'robots-no-reply';

export interface RobotsServiceOptions {
  /**
   * The service name commands are addressed to: `parley.{service}.commands` and the processor's
   * consumer group. Default `robots`; tests give their own.
   */
  readonly service: string;
  /** The workspace's IANA time zone, for rules' time conditions and robots' tasks' due times. */
  readonly timeZone: string;
  /** The services a run's commands go to (tests on a shared broker give their own). */
  readonly targets: {
    readonly crm: string;
    readonly tasksNotes: string;
    readonly conversation: string;
  };
  readonly timers: TimersOption;
}

export const ROBOTS_SERVICE_OPTIONS = 'parley:RobotsServiceOptions';

/** The defaults; the time zone from PARLEY_TIME_ZONE when the process sets none, else UTC. */
export const defaultRobotsServiceOptions = (): RobotsServiceOptions => ({
  service: ROBOTS_SERVICE,
  timeZone: process.env['PARLEY_TIME_ZONE'] || 'UTC',
  targets: {
    crm: CRM_SERVICE,
    tasksNotes: TASKS_NOTES_SERVICE,
    conversation: CONVERSATION_SERVICE,
  },
  timers: { kind: 'in-process' },
});
