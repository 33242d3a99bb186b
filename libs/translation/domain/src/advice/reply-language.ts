import { normalizeLanguageCode, type LanguageCode } from '../translation/language-code';

/** A language a prompt asks the model to write in: its code and its English name. */
export interface ReplyLanguage {
  readonly code: LanguageCode;
  /** The English name, which models follow more reliably than a bare code ("Russian"). */
  readonly name: string;
}

/** Used when the manager's language is unknown or not a language tag. */
export const FALLBACK_REPLY_LANGUAGE: ReplyLanguage = { code: 'en', name: 'English' };

/**
 * The language a draft or a summary is written in: the manager's, because the manager reads and
 * edits it (Parley translates the sent reply for the client). The client's language never decides
 * it. A missing or unusable tag falls back to English rather than letting free text from a
 * profile into the instructions.
 */
export const replyLanguage = (managerLanguage: string | null | undefined): ReplyLanguage =>
  knownLanguage(managerLanguage) ?? FALLBACK_REPLY_LANGUAGE;

/**
 * A language tag reduced to its ISO 639-1 code (`normalizeLanguageCode`, the one rule for codes
 * in this context) with its English name; undefined when no locale data names it.
 */
export const knownLanguage = (tag: string | null | undefined): ReplyLanguage | undefined => {
  const code = normalizeLanguageCode(tag);
  const name = code === null ? undefined : englishName(code);
  return code === null || name === undefined ? undefined : { code, name };
};

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** The English name of a language code, or undefined for a code no locale data knows. */
const englishName = (code: LanguageCode): string | undefined => {
  try {
    return names.of(code) ?? undefined;
  } catch {
    return undefined;
  }
};
