import type { Assistants } from '../assistant/assistants';
import type { DraftAnswers } from '../drafts/draft-answers';
import type { MessageTranslations } from '../messages/message-translations';
import type { ConversationScoring } from '../scoring/conversation-scoring';

/**
 * What the command handlers work with, besides the store: the service's name (its commands
 * topic) and the parts that call providers.
 */
export interface TranslationRuntime {
  readonly service: string;
  readonly messages: MessageTranslations;
  readonly drafts: DraftAnswers;
  readonly scoring: ConversationScoring;
  readonly assistants: Assistants;
}

export const TRANSLATION_RUNTIME = 'parley:TranslationRuntime';
