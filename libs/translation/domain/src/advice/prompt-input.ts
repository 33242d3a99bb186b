/**
 * What a prompt may be built from: plain data the caller picked, field by field. There is no
 * field for a setting, a key, a phone number or an e-mail address, and the builders read only
 * the fields named here, so nothing else reaches a model even when a caller passes a bigger
 * object (a whole client card) where one of these is expected.
 */

/** One message of the conversation, as the manager sees it on the timeline. */
export interface MessageForPrompt {
  /** `in`: the client wrote it; `out`: a manager (or a robot) sent it. */
  readonly direction: 'in' | 'out';
  /** Who sent an `out` message, as the timeline names them ("Anna", "robot"); unused for `in`. */
  readonly author: string;
  /** The text as written (a caption, or "[photo]" for a file without one). */
  readonly text: string;
  /** The text in the manager's language, when Parley translated it. */
  readonly translation?: string | null;
  /** When it was sent (ISO 8601). */
  readonly at: string;
}

/**
 * The client card fields a reply or a summary can use. Phone, e-mail, Telegram id and
 * account ids are left out on purpose: a model needs none of them to write a reply, and each
 * would be personal data sent to a third party for nothing.
 */
export interface ClientCardForPrompt {
  readonly name: string;
  /** The deal's stage (`new`, `qualified`, ...), or null without a deal. */
  readonly stage: string | null;
  readonly tags: readonly string[];
  /** The client's language (Telegram's `language_code` or detected), or null. */
  readonly languageCode: string | null;
}

/** A reply template of the workspace: its name and text, placeholders left as written. */
export interface TemplateForPrompt {
  readonly name: string;
  readonly text: string;
}

/** What an advice prompt (a reply draft) is built from. */
export interface AdviceInput {
  /** The conversation's last messages, oldest first. */
  readonly messages: readonly MessageForPrompt[];
  readonly card: ClientCardForPrompt;
  readonly templates: readonly TemplateForPrompt[];
  /** The manager's language (`ru`; a tag like `en-GB` is reduced to `en`): the draft is in it. */
  readonly managerLanguage: string | null;
}

/** What a scoring prompt (a summary and the next step) is built from. */
export interface ScoringInput {
  /** The conversation's last messages, oldest first. */
  readonly messages: readonly MessageForPrompt[];
  readonly card: ClientCardForPrompt;
  /** The manager's language: the summary is written in it. */
  readonly managerLanguage: string | null;
}
