import { Module, type DynamicModule } from '@nestjs/common';
import { TelegramChannelModule, type TelegramChannelConfig } from '@parley/channel-telegram';
import { ConversationServiceModule } from '@parley/conversation-service';
import { CrmServiceModule } from '@parley/crm-service';
import { GatewayServiceModule, type GatewayConfig } from '@parley/gateway';
import type { MediaStore } from '@parley/media-store';
import { ProjectorServiceModule } from '@parley/projector-service';
import { RobotsServiceModule } from '@parley/robots-service';
import { TasksNotesServiceModule } from '@parley/tasks-notes-service';
import {
  TranslationServiceModule,
  type TranslationServiceOptions,
} from '@parley/translation-service';
import { StatusPageController } from './status-page/status-page.controller';

/**
 * Every service module of Parley, mounted in one process on the embedded adapters: the same
 * modules the separate processes mount (docs/architecture.md, "Three ways to run, one codebase").
 */
@Module({})
export class StandaloneModule {
  static register(options: {
    gateway: GatewayConfig;
    /** The admin's stored password hash, when PARLEY_ADMIN_PASSWORD is not set. */
    adminPasswordHash?: string;
    telegram: TelegramChannelConfig | null;
    /**
     * Where media files are kept (the file system under the data directory): the channel fetches
     * clients' files into it, the gateway serves them from it.
     */
    mediaStore: MediaStore;
    /** The translation providers, the assistants' key and `--demo`; the cache is in memory. */
    translation: Pick<
      TranslationServiceOptions,
      'google' | 'libretranslate' | 'secretKey' | 'demo'
    >;
  }): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [
        ...(options.telegram
          ? [TelegramChannelModule.register(options.telegram, { mediaStore: options.mediaStore })]
          : []),
        ConversationServiceModule.register(),
        CrmServiceModule.register(),
        TasksNotesServiceModule.register(),
        RobotsServiceModule.register(),
        TranslationServiceModule.register({ ...options.translation, cache: { kind: 'in-memory' } }),
        ProjectorServiceModule.register(),
        GatewayServiceModule.register(options.gateway, {
          adminPasswordHash: options.adminPasswordHash,
          mediaStore: options.mediaStore,
        }),
      ],
      controllers: [StatusPageController],
    };
  }
}
