import {
  Logger,
  type BeforeApplicationShutdown,
  type FactoryProvider,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Bus } from '@parley/bus';
import { CommandProcessor, type CommandHandler } from '@parley/command-handling';
import type { EventStore } from '@parley/eventstore';
import { BUS, CLOCK, EVENT_STORE, type Clock } from '../tokens';

/** A service's CommandProcessor, consuming its commands topic while the application runs. */
class RunningCommandProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private processor?: CommandProcessor;

  constructor(private readonly create: () => CommandProcessor) {}

  async onApplicationBootstrap(): Promise<void> {
    this.processor = this.create();
    await this.processor.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.processor?.stop();
    this.processor = undefined;
  }
}

/**
 * The provider that runs a service's commands (`parley.<service>.commands`) through its handlers,
 * for the service module's `providers`: the service's name comes from its options (injected by
 * `optionsToken`), the handlers from `handlers(store, options)`.
 */
export const commandProcessorProvider = <Options extends { readonly service: string }>(
  optionsToken: string,
  handlers: (store: EventStore, options: Options) => Readonly<Record<string, CommandHandler>>,
): FactoryProvider => ({
  provide: `${optionsToken}:command-processor`,
  inject: [EVENT_STORE, BUS, CLOCK, optionsToken],
  useFactory: (store: EventStore, bus: Bus, clock: Clock, options: Options) => {
    const logger = new Logger(options.service);
    return new RunningCommandProcessor(
      () =>
        new CommandProcessor({
          bus,
          store,
          service: options.service,
          handlers: handlers(store, options),
          now: clock,
          log: (line) => logger.error(line),
        }),
    );
  },
});
