import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Bus } from '@parley/bus';
import { CommandProcessor } from '@parley/command-handling';
import type { EventStore } from '@parley/eventstore';
import { BUS, CLOCK, EVENT_STORE, type Clock } from '@parley/platform';
import { CONVERSATION_SERVICE_OPTIONS, type ConversationServiceOptions } from '../options';
import { conversationCommandHandlers } from './conversation-command-handlers';

/** Consumes `parley.conversation.commands` while the application runs. */
@Injectable()
export class ConversationCommandProcessor
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger('conversation');
  private processor?: CommandProcessor;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BUS) private readonly bus: Bus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONVERSATION_SERVICE_OPTIONS) private readonly options: ConversationServiceOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.processor = new CommandProcessor({
      bus: this.bus,
      store: this.store,
      service: this.options.service,
      handlers: conversationCommandHandlers(this.store),
      now: this.clock,
      log: (line) => this.logger.error(line),
    });
    await this.processor.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.processor?.stop();
    this.processor = undefined;
  }
}
