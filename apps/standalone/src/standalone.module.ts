import { Module, type DynamicModule } from '@nestjs/common';
import { HealthModule, type HealthRegistry } from '@parley/platform';
import { StatusPageController } from './status-page/status-page.controller';

/**
 * Every service module of Parley, mounted in one process on embedded adapters. Later issues
 * add channel-telegram, conversation, crm, projector and gateway here.
 */
@Module({})
export class StandaloneModule {
  static register(health: HealthRegistry): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [HealthModule.forRegistry(health)],
      controllers: [StatusPageController],
    };
  }
}
