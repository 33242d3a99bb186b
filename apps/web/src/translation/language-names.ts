import { localeOf, type Language } from '../i18n/translate';

/**
 * The languages the pickers offer (client's and team's language, C2, B4): the common ones of
 * Parley's clients. A chat's current language is offered too when it is not among them.
 */
export const LANGUAGE_CHOICES: readonly string[] = [
  'en',
  'ru',
  'uk',
  'es',
  'pt',
  'fr',
  'de',
  'it',
  'pl',
  'tr',
  'kk',
  'uz',
  'az',
  'ar',
  'fa',
  'hi',
  'id',
  'vi',
  'th',
  'zh',
  'ja',
  'ko',
];

/** "Spanish" for `es` in the interface's language (Intl.DisplayNames); the code when unknown. */
export const languageName = (code: string, ui: Language): string => {
  try {
    const name = new Intl.DisplayNames([localeOf(ui)], { type: 'language', fallback: 'none' }).of(
      code,
    );
    if (name === undefined || name === code) return code;
    // Russian names come in lower case ("испанский"): an entry starts with a capital.
    return name.charAt(0).toLocaleUpperCase(localeOf(ui)) + name.slice(1);
  } catch {
    return code;
  }
};

export interface LanguageOption {
  readonly code: string;
  readonly name: string;
}

/**
 * The picker's entries, by name in the interface's language; `current` (a chat's language, the
 * team's) is added when the common list lacks it, so a select always shows what is set.
 */
export const languageOptions = (
  ui: Language,
  current: readonly (string | null | undefined)[] = [],
): readonly LanguageOption[] => {
  const codes = new Set(LANGUAGE_CHOICES);
  for (const code of current) if (code) codes.add(code);
  const collator = new Intl.Collator(localeOf(ui));
  return [...codes]
    .map((code) => ({ code, name: languageName(code, ui) }))
    .sort((a, b) => collator.compare(a.name, b.name));
};
