import { Module, type DynamicModule } from '@nestjs/common';
import { commandProcessorProvider } from '@parley/platform';
import { robotsCommandHandlers } from './commands/robots-command-handlers';
import {
  defaultRobotsServiceOptions,
  ROBOTS_SERVICE_OPTIONS,
  type RobotsServiceOptions,
} from './options';
import { RuleBook } from './rule-book/rule-book';
import { RuleRunner } from './runs/rule-runner';
import { TriggerEventsController } from './triggers/trigger-events.controller';

/**
 * The robots service (docs/architecture.md, issue 13 A1, A2): rules as aggregates, fed by
 * commands on `parley.robots.commands`, and their runs on the events that trigger them, which
 * send commands to the CRM and tasks-notes. Needs EVENT_STORE, BUS and CLOCK from the
 * PlatformModule.
 */
@Module({})
export class RobotsServiceModule {
  static register(options: Partial<RobotsServiceOptions> = {}): DynamicModule {
    const settings: RobotsServiceOptions = { ...defaultRobotsServiceOptions(), ...options };
    return {
      module: RobotsServiceModule,
      controllers: [TriggerEventsController],
      providers: [
        { provide: ROBOTS_SERVICE_OPTIONS, useValue: settings },
        RuleBook,
        RuleRunner,
        commandProcessorProvider(ROBOTS_SERVICE_OPTIONS, robotsCommandHandlers),
      ],
    };
  }
}
