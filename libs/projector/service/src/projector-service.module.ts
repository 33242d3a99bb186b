import { Module, type DynamicModule } from '@nestjs/common';
import { ProjectorController } from './projector.controller';
import { Projector } from './projector';

/**
 * The projector service (docs/architecture.md, Read models): conversation and CRM events into the
 * `chats`, `timeline` and `cards` read models of the READ_STORE, with a ReadModelChange on
 * READ_MODEL_CHANGES_TOPIC after each change; and the search read model (L2) through SEARCH_INDEX
 * when the process provides one. Needs READ_STORE, BUS and HealthRegistry.
 */
@Module({})
export class ProjectorServiceModule {
  static register(): DynamicModule {
    return {
      module: ProjectorServiceModule,
      controllers: [ProjectorController],
      providers: [Projector],
      exports: [Projector],
    };
  }
}
