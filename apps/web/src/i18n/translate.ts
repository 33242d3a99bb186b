import { en, type MessageKey } from './en';
import { ru } from './ru';

export type Language = 'en' | 'ru';
export const LANGUAGES: readonly Language[] = ['en', 'ru'];

export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const dictionaries: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, ru };

/** Looks a key up in a language's dictionary and fills `{name}` placeholders from params. */
export const translate = (language: Language, key: MessageKey, params?: MessageParams): string => {
  const template = dictionaries[language][key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
};

export const translatorFor =
  (language: Language): Translate =>
  (key, params) =>
    translate(language, key, params);

export const isMessageKey = (key: string): key is MessageKey => key in en;

export const otherLanguage = (language: Language): Language => (language === 'en' ? 'ru' : 'en');

/** The language to show before anyone signed in: Russian for Russian browsers, else English. */
export const languageFromLocale = (locale: string | undefined): Language =>
  locale?.toLowerCase().startsWith('ru') ? 'ru' : 'en';

/** BCP 47 tag for Intl formatting. */
export const localeOf = (language: Language): string => (language === 'ru' ? 'ru-RU' : 'en-GB');
