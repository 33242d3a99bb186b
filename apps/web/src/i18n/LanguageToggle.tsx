import { otherLanguage } from './translate';
import { useI18n } from './I18nProvider';

/** Switches the UI between English and Russian; shows the language it switches to. */
export function LanguageToggle() {
  const { language, setLanguage, t } = useI18n();
  const next = otherLanguage(language);
  return (
    <button
      type="button"
      className="button button--ghost"
      data-testid="language-toggle"
      data-language={language}
      lang={next}
      aria-label={t('language.toggleLabel')}
      onClick={() => setLanguage(next)}
    >
      {t('language.toggle')}
    </button>
  );
}
