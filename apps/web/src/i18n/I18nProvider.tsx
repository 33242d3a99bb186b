import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translatorFor, type Language, type Translate } from './translate';

interface I18nValue {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  readonly t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider(props: {
  language: Language;
  onLanguageChange: (language: Language) => void;
  children: ReactNode;
}) {
  const { language, onLanguageChange } = props;
  const value = useMemo<I18nValue>(
    () => ({ language, setLanguage: onLanguageChange, t: translatorFor(language) }),
    [language, onLanguageChange],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

/** The current language, its t() and the setter behind the header's toggle. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() outside <I18nProvider>');
  return value;
}
