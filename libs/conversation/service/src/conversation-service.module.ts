import { Module, type DynamicModule } from '@nestjs/common';
import { commandProcessorProvider } from '@parley/platform';
import { ChannelEventsController } from './channel-reactions/channel-events.controller';
import { conversationCommandHandlers } from './commands/conversation-command-handlers';
import {
  CONVERSATION_SERVICE_OPTIONS,
  defaultConversationServiceOptions,
  type ConversationServiceOptions,
} from './options';

/**
 * The conversation service (docs/architecture.md): the Conversation aggregate, fed by the channel's
 * events and by commands. Needs EVENT_STORE, BUS and CLOCK from the PlatformModule.
 */
@Module({})
export class ConversationServiceModule {
  static register(options: Partial<ConversationServiceOptions> = {}): DynamicModule {
    return {
      module: ConversationServiceModule,
      controllers: [ChannelEventsController],
      providers: [
        {
          provide: CONVERSATION_SERVICE_OPTIONS,
          useValue: { ...defaultConversationServiceOptions, ...options },
        },
        commandProcessorProvider(CONVERSATION_SERVICE_OPTIONS, conversationCommandHandlers),
      ],
    };
  }
}
