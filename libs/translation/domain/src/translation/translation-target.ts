import type { LanguageCode } from './language-code';

/** The languages around one conversation, as the service knows them (each normalised, or null). */
export interface ConversationLanguages {
  /** The language of this message, detected on it. */
  readonly message: LanguageCode | null;
  /** The language stored on the conversation: the last one detected there. */
  readonly conversation: LanguageCode | null;
  /** The client's own setting, where the channel gives one (Telegram's `language_code`). */
  readonly clientProfile: LanguageCode | null;
}

/** The team's side of C2: who reads the conversation, in which language. */
export interface ReaderLanguages {
  /** The per-chat override set on this conversation: it wins over everything else. */
  readonly chatOverride: LanguageCode | null;
  /** The manager's own language, when the manager reading has chosen one. */
  readonly manager: LanguageCode | null;
  /** The workspace default language. */
  readonly workspace: LanguageCode | null;
}

/** Whether a text is translated, from what and into what, or why not. */
export type TranslationDecision =
  | { readonly kind: 'translate'; readonly from: LanguageCode; readonly to: LanguageCode }
  | {
      readonly kind: 'keep';
      /**
       * `same_language`: the reader reads the text as written. `language_unknown`: nothing says
       * what language the text is in (emoji, numbers, one short word in a new conversation), so
       * no quota is spent on it. `no_target`: nobody has said what language the reader reads.
       */
      readonly why: 'same_language' | 'language_unknown' | 'no_target';
    };

/**
 * The language the team reads a conversation in (C2): the per-chat override, else the manager's
 * language, else the workspace default.
 */
export const readerLanguage = (reader: ReaderLanguages): LanguageCode | null =>
  reader.chatOverride ?? reader.manager ?? reader.workspace;

/**
 * The language a client writes in: the message's own detected language, else the conversation's
 * (a short "ok" in a Russian conversation is Russian), else the client's profile setting.
 */
export const clientLanguage = (client: ConversationLanguages): LanguageCode | null =>
  client.message ?? client.conversation ?? client.clientProfile;

const decide = (from: LanguageCode | null, to: LanguageCode | null): TranslationDecision => {
  if (to === null) return { kind: 'keep', why: 'no_target' };
  if (from === null) return { kind: 'keep', why: 'language_unknown' };
  if (from === to) return { kind: 'keep', why: 'same_language' };
  return { kind: 'translate', from, to };
};

/** A client's message, shown to the team: translated into the reader's language when it differs. */
export const translationForTeam = (
  client: ConversationLanguages,
  reader: ReaderLanguages,
): TranslationDecision => decide(clientLanguage(client), readerLanguage(reader));

/**
 * A manager's text (a reply draft) for the client: translated into the client's language when it
 * differs from the language the team writes in.
 */
export const translationForClient = (
  client: ConversationLanguages,
  reader: ReaderLanguages,
): TranslationDecision => {
  const to = clientLanguage(client);
  if (to === null) return { kind: 'keep', why: 'no_target' };
  return decide(readerLanguage(reader), to);
};
