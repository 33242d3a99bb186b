import type { ConversationLanguagesOnCard, ConversationLanguagesRequest } from '@parley/contracts';

/** The chat's languages before any is known: nothing detected, both automatic. */
export const NO_CHAT_LANGUAGES: ConversationLanguagesOnCard = {
  detected: null,
  client: null,
  team: null,
};

/** A select's value for a chosen language: '' is "Automatic" (null). */
export const choiceValue = (language: string | null): string => language ?? '';
export const choiceLanguage = (value: string): string | null => (value === '' ? null : value);

/**
 * `PUT .../languages` sets both of the chat's languages: the one a manager changed, and the
 * other as it is.
 */
export const languagesRequest = (
  current: ConversationLanguagesOnCard,
  which: 'client' | 'team',
  value: string,
): ConversationLanguagesRequest => ({
  clientLanguage: which === 'client' ? choiceLanguage(value) : current.client,
  teamLanguage: which === 'team' ? choiceLanguage(value) : current.team,
});

/**
 * What "Automatic" means here, to say it beside the word: the detected language for the
 * client's, the workspace's team language for the team's; null when not known yet.
 */
export const automaticLanguage = (
  which: 'client' | 'team',
  languages: ConversationLanguagesOnCard,
  workspaceTeamLanguage: string | undefined,
): string | null => (which === 'client' ? languages.detected : (workspaceTeamLanguage ?? null));
