import { Module, type DynamicModule } from '@nestjs/common';
import { commandProcessorProvider } from '@parley/platform';
import { Assistants } from './assistant/assistants';
import { translationCommandHandlers } from './commands/translation-command-handlers';
import { TRANSLATION_RUNTIME, type TranslationRuntime } from './commands/translation-runtime';
import { ClientMessagesController } from './consumers/client-messages.controller';
import { DraftAnswers } from './drafts/draft-answers';
import { MessageTranslations } from './messages/message-translations';
import {
  defaultTranslationServiceOptions,
  TRANSLATION_SERVICE_OPTIONS,
  type TranslationServiceOptions,
} from './options';
import { ConversationScoring } from './scoring/conversation-scoring';
import { Translators } from './translators/translators';

/**
 * The translation service (docs/architecture.md, issue 12): client messages' languages detected
 * and their translations for the team (from `Conversation.ClientMessageReceived`), and the
 * commands on `parley.translation.commands`: the workspace's settings and AI assistant, the
 * chat's languages, retries, draft translations, AI reply drafts and scorings. Providers are
 * the ones this process's options configure; translations are cached in Redis or in memory.
 * Needs EVENT_STORE, BUS and CLOCK from the PlatformModule.
 */
@Module({})
export class TranslationServiceModule {
  static register(options: Partial<TranslationServiceOptions> = {}): DynamicModule {
    const settings: TranslationServiceOptions = {
      ...defaultTranslationServiceOptions(),
      ...options,
    };
    return {
      module: TranslationServiceModule,
      controllers: [ClientMessagesController],
      providers: [
        { provide: TRANSLATION_SERVICE_OPTIONS, useValue: settings },
        Translators,
        Assistants,
        MessageTranslations,
        DraftAnswers,
        ConversationScoring,
        {
          provide: TRANSLATION_RUNTIME,
          inject: [MessageTranslations, DraftAnswers, ConversationScoring, Assistants],
          useFactory: (
            messages: MessageTranslations,
            drafts: DraftAnswers,
            scoring: ConversationScoring,
            assistants: Assistants,
          ): TranslationRuntime => ({
            service: settings.service,
            messages,
            drafts,
            scoring,
            assistants,
          }),
        },
        commandProcessorProvider(TRANSLATION_RUNTIME, translationCommandHandlers),
      ],
    };
  }
}
