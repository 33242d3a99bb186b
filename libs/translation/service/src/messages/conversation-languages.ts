import {
  normalizeLanguageCode,
  type ConversationLanguages,
  type ConversationTranslationState,
  type LanguageCode,
  type ReaderLanguages,
  type TranslationSettingsState,
} from '@parley/translation-domain';

/** The languages around a conversation, as `translationForTeam` and `…ForClient` take them. */
export interface LanguagesAround {
  readonly client: ConversationLanguages;
  readonly reader: ReaderLanguages;
}

/**
 * Who writes and reads in what (C2): the client's language is the chat's chosen one, else the
 * one detected on this message (or, for a draft, the last detected in the chat), else the
 * client's Telegram setting; the team's is the chat's chosen one, else the workspace's.
 */
export const languagesAround = (
  conversation: ConversationTranslationState,
  settings: TranslationSettingsState,
  clientProfile: string | null,
  detectedOnMessage: LanguageCode | null,
): LanguagesAround => ({
  client: {
    message: conversation.chosen.clientLanguage ?? detectedOnMessage,
    conversation: conversation.lastDetected,
    clientProfile: normalizeLanguageCode(clientProfile),
  },
  reader: {
    chatOverride: conversation.chosen.teamLanguage,
    manager: null,
    workspace: settings.teamLanguage,
  },
});
