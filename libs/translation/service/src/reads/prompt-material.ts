import { readEvent, workspaceOf } from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import {
  normalizeLanguageCode,
  type ClientCardForPrompt,
  type LanguageCode,
  type MessageForPrompt,
  type TemplateForPrompt,
} from '@parley/translation-domain';
import {
  conversationTranslationStream,
  readConversationTranslation,
  readTranslationSettings,
  translationCatalog,
} from '../translation-streams';
import { readClientCard, readTemplates } from './client-card-reads';
import { messagesForPrompt, readConversationRecord } from './conversation-reads';

/** What advice and scoring prompts are built from, read from the streams. */
export interface PromptMaterial {
  readonly messages: readonly MessageForPrompt[];
  readonly card: ClientCardForPrompt;
  readonly templates: readonly TemplateForPrompt[];
  /** The language the answer is written in: the one asked for, else the team's. */
  readonly managerLanguage: LanguageCode;
}

/** Each client message's latest translation, by message id (`translation-{conversationId}`). */
const readTranslations = async (
  store: EventStore,
  conversationId: string,
): Promise<Map<string, string>> => {
  const translations = new Map<string, string>();
  for (const r of await store.readStream(conversationTranslationStream(conversationId))) {
    const event = readEvent(translationCatalog, r.event);
    if (event.type !== 'Translation.MessageTranslated') continue;
    const data = event.data as { messageId: string; text: string };
    translations.set(data.messageId, data.text);
  }
  return translations;
};

/**
 * A conversation's last `count` messages with this service's translations, the client card
 * (the CRM's contact and deal: name, stage, tags), the workspace's templates and the language
 * to answer in (`asked`, else the chat's team language, else the workspace's).
 */
export const readPromptMaterial = async (
  store: EventStore,
  conversationId: string,
  asked: string | null,
  count: number,
): Promise<PromptMaterial> => {
  const workspaceId = workspaceOf(conversationId);
  const [record, translations, state, settings, templates] = await Promise.all([
    readConversationRecord(store, conversationId),
    readTranslations(store, conversationId),
    readConversationTranslation(store, conversationId),
    readTranslationSettings(store, workspaceId),
    readTemplates(store, workspaceId),
  ]);
  const clientLanguage =
    state.chosen.clientLanguage ??
    state.lastDetected ??
    normalizeLanguageCode(record.clientProfileLanguage);
  return {
    messages: messagesForPrompt(record, translations, count),
    card: await readClientCard(store, conversationId, clientLanguage),
    templates,
    managerLanguage:
      normalizeLanguageCode(asked) ?? state.chosen.teamLanguage ?? settings.teamLanguage,
  };
};
