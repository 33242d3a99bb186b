import { Module, type DynamicModule } from '@nestjs/common';
import { commandProcessorProvider } from '@parley/platform';
import { ChannelEventsController } from './channel-reactions/channel-events.controller';
import { crmCommandHandlers } from './commands/crm-command-handlers';
import { CRM_SERVICE_OPTIONS, defaultCrmServiceOptions, type CrmServiceOptions } from './options';

/**
 * The CRM service (docs/architecture.md): Contact and Deal aggregates, created when a client first
 * shows up on a channel, and the workspace's CRM settings (tag catalogue, pipeline); commands on
 * `parley.crm.commands`. Needs EVENT_STORE, BUS and CLOCK from the PlatformModule.
 */
@Module({})
export class CrmServiceModule {
  static register(options: Partial<CrmServiceOptions> = {}): DynamicModule {
    return {
      module: CrmServiceModule,
      controllers: [ChannelEventsController],
      providers: [
        { provide: CRM_SERVICE_OPTIONS, useValue: { ...defaultCrmServiceOptions, ...options } },
        commandProcessorProvider(CRM_SERVICE_OPTIONS, crmCommandHandlers),
      ],
    };
  }
}
