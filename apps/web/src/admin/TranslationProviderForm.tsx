import { useEffect, useState, type FormEvent } from 'react';
import type { TranslationSettingsView } from '@parley/contracts';
import type { AdminApi } from '../api/admin-api';
import { useI18n } from '../i18n/I18nProvider';
import { languageOptions } from '../translation/language-names';
import { AdminError } from './AdminError';
import {
  PROVIDER_CHOICES,
  providerChoice,
  providerLabelKey,
  translationSettingsRequest,
  type ProviderChoice,
} from './translation-settings';
import { useAdminAction } from './use-admin-action';

/**
 * The translation provider (none turns translation off) and the team's language (C2). The
 * provider's address and credentials are server configuration, never typed here.
 */
export function TranslationProviderForm(props: {
  api: AdminApi;
  settings: TranslationSettingsView;
  onSaved: () => void;
}) {
  const { t, language } = useI18n();
  const { settings } = props;
  const [choice, setChoice] = useState<ProviderChoice>(providerChoice(settings.provider));
  const [teamLanguage, setTeamLanguage] = useState(settings.teamLanguage);
  const [saved, setSaved] = useState(false);
  const request = translationSettingsRequest(choice, teamLanguage);
  useEffect(() => setChoice(providerChoice(settings.provider)), [settings.provider]);
  useEffect(() => setTeamLanguage(settings.teamLanguage), [settings.teamLanguage]);
  const save = useAdminAction(
    (next: NonNullable<typeof request>) => props.api.setTranslationSettings(next).then(() => true),
    props.onSaved,
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (request === null) return;
    setSaved(false);
    if (await save.run(request)) setSaved(true);
  };

  return (
    <form className="admin-form admin-form--grid" onSubmit={(event) => void onSubmit(event)}>
      <fieldset className="admin-field admin-field--wide" data-testid="admin-translation-provider">
        <legend>{t('admin.translation.provider')}</legend>
        {PROVIDER_CHOICES.map((option) => (
          <label key={option} className="admin-check">
            <input
              type="radio"
              name="translation-provider"
              value={option}
              data-testid={`admin-translation-provider-${option}`}
              checked={choice === option}
              onChange={() => {
                setSaved(false);
                setChoice(option);
              }}
            />
            {t(providerLabelKey(option))}
          </label>
        ))}
        <p className="admin-hint">{t('admin.translation.noneMeans')}</p>
        <p className="admin-hint">{t('admin.translation.credentials')}</p>
      </fieldset>
      <label className="admin-field">
        <span>{t('admin.translation.teamLanguage')}</span>
        <select
          className="admin-input"
          data-testid="admin-translation-team-language"
          value={teamLanguage}
          onChange={(event) => {
            setSaved(false);
            setTeamLanguage(event.target.value);
          }}
        >
          {languageOptions(language, [settings.teamLanguage]).map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}
            </option>
          ))}
        </select>
        <span className="admin-hint">{t('admin.translation.teamLanguage.hint')}</span>
      </label>
      <div className="admin-form__submit">
        <button
          type="submit"
          className="button button--primary button--small"
          data-testid="admin-translation-save"
          disabled={save.running || request === null}
        >
          {save.running ? t('admin.saving') : t('admin.save')}
        </button>
      </div>
      <AdminError error={save.error} testId="admin-translation-error" />
      {saved && (
        <p className="admin-note" role="status" data-testid="admin-translation-saved">
          {t('admin.translation.saved')}
        </p>
      )}
    </form>
  );
}
