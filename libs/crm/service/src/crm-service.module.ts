import { Module, type DynamicModule } from '@nestjs/common';
import { ChannelEventsController } from './channel-reactions/channel-events.controller';

/**
 * The CRM service (docs/architecture.md): Contact and Deal aggregates, created when a client first
 * shows up on a channel. Needs EVENT_STORE from the PlatformModule.
 */
@Module({})
export class CrmServiceModule {
  static register(): DynamicModule {
    return { module: CrmServiceModule, controllers: [ChannelEventsController] };
  }
}
