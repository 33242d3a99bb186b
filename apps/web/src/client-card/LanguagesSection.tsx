import type {
  ConversationLanguagesOnCard,
  ConversationLanguagesRequest,
  TranslationSettingsView,
} from '@parley/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { languageName, languageOptions } from '../translation/language-names';
import { CardEditError } from './CardEditError';
import {
  automaticLanguage,
  choiceValue,
  languagesRequest,
  NO_CHAT_LANGUAGES,
} from './chat-languages';
import { useCardAction } from './use-card-action';

/**
 * The chat's languages (C2): the client's as detected, and the client's and the team's language
 * for this chat ("Automatic": the detected one, the workspace's), each a select.
 */
export function LanguagesSection(props: {
  languages: ConversationLanguagesOnCard | undefined;
  settings: TranslationSettingsView | undefined;
  onSet: (request: ConversationLanguagesRequest) => Promise<void>;
}) {
  const { t, language: ui } = useI18n();
  const languages = props.languages ?? NO_CHAT_LANGUAGES;
  const set = useCardAction(props.onSet);
  const options = languageOptions(ui, [
    languages.detected,
    languages.client,
    languages.team,
    props.settings?.teamLanguage,
  ]);

  const picker = (which: 'client' | 'team') => {
    const automatic = automaticLanguage(which, languages, props.settings?.teamLanguage);
    const label = which === 'client' ? t('card.languages.client') : t('card.languages.team');
    return (
      <div className="card-fields__row">
        <dt>{label}</dt>
        <dd>
          <select
            className="card-edit__select"
            data-testid={`card-language-${which}`}
            aria-label={label}
            value={choiceValue(languages[which])}
            disabled={set.running}
            onChange={(event) =>
              void set.run(languagesRequest(languages, which, event.target.value))
            }
          >
            <option value="">
              {automatic === null
                ? t('card.languages.automatic')
                : t('card.languages.automaticAs', { language: languageName(automatic, ui) })}
            </option>
            {options.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </dd>
      </div>
    );
  };

  return (
    <section className="client-card__section" data-testid="card-languages">
      <h3 className="panel-title">{t('card.languages.title')}</h3>
      <dl className="card-fields">
        <div className="card-fields__row">
          <dt>{t('card.languages.detected')}</dt>
          <dd data-testid="card-language-detected" data-language={languages.detected ?? ''}>
            {languages.detected === null
              ? t('card.languages.notDetected')
              : languageName(languages.detected, ui)}
          </dd>
        </div>
        {picker('client')}
        {picker('team')}
      </dl>
      <CardEditError error={set.error} testId="card-languages-error" />
    </section>
  );
}
