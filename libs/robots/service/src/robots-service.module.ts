import { Module, type DynamicModule } from '@nestjs/common';
import { BullmqDelayedJobs, InProcessDelayedJobs, type DelayedJobs } from '@parley/delayed-jobs';
import { CLOCK, commandProcessorProvider, type Clock } from '@parley/platform';
import { robotsCommandHandlers } from './commands/robots-command-handlers';
import {
  DEFAULT_TIMER_QUEUE,
  defaultRobotsServiceOptions,
  ROBOTS_SERVICE_OPTIONS,
  type RobotsServiceOptions,
} from './options';
import { RuleBook } from './rule-book/rule-book';
import { RuleRunner } from './runs/rule-runner';
import { NoReplyEventsController } from './timers/no-reply-events.controller';
import type { NoReplyJob } from './timers/no-reply-job';
import { NO_REPLY_JOBS, NoReplyTimers } from './timers/no-reply-timers';
import { TriggerEventsController } from './triggers/trigger-events.controller';

/**
 * The robots service (docs/architecture.md, issue 13 A1, A2): rules as aggregates, fed by
 * commands on `parley.robots.commands`, and their runs on the events that trigger them, which
 * send commands to the CRM, tasks-notes and the conversation; no-reply timers wait in delayed
 * jobs (BullMQ on Redis, or in process). Needs EVENT_STORE, BUS and CLOCK from the
 * PlatformModule.
 */
@Module({})
export class RobotsServiceModule {
  static register(options: Partial<RobotsServiceOptions> = {}): DynamicModule {
    const settings: RobotsServiceOptions = { ...defaultRobotsServiceOptions(), ...options };
    return {
      module: RobotsServiceModule,
      controllers: [TriggerEventsController, NoReplyEventsController],
      providers: [
        { provide: ROBOTS_SERVICE_OPTIONS, useValue: settings },
        RuleBook,
        RuleRunner,
        {
          provide: NO_REPLY_JOBS,
          inject: [CLOCK],
          useFactory: (clock: Clock): DelayedJobs<NoReplyJob> =>
            settings.timers.kind === 'bullmq'
              ? new BullmqDelayedJobs<NoReplyJob>({
                  redisUrl: settings.timers.redisUrl,
                  queueName: settings.timers.queueName ?? DEFAULT_TIMER_QUEUE,
                  now: clock,
                })
              : new InProcessDelayedJobs<NoReplyJob>({ now: clock }),
        },
        NoReplyTimers,
        commandProcessorProvider(ROBOTS_SERVICE_OPTIONS, robotsCommandHandlers),
      ],
    };
  }
}
