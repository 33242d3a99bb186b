import { useEffect, useReducer, useState, type FormEvent } from 'react';
import type { AdminApi } from '../api/admin-api';
import { useResource } from '../api/use-resource';
import { registrationLink } from '../client-card/registration-link';
import { useI18n } from '../i18n/I18nProvider';
import { AdminError } from './AdminError';
import { AdminPanel } from './AdminPanel';
import {
  REGISTRATION_LINK_TEMPLATE_MAX,
  templateProblem,
  templateRequest,
} from './registration-link';
import { templateHint } from './template-hint';
import { useAdminAction } from './use-admin-action';

/** A click id as the preview shows it: 22 characters, like the real ones. */
const SAMPLE_CLICK_ID = 'Xq3vR8kT2mNpL6wZa9BcDe';

/** The registration-link template (R7): an URL with {click_id}; set, change or clear it. */
export function RegistrationLinkAdmin(props: { api: AdminApi }) {
  const { api } = props;
  const { t } = useI18n();
  const [tick, reload] = useReducer((n: number) => n + 1, 0);
  const settings = useResource(() => api.crmSettings(), 'crm-settings', tick);
  const current = settings.data?.registrationLinkTemplate ?? null;
  const [typed, setTyped] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => setTyped(current ?? ''), [current]);
  const save = useAdminAction(
    (template: string | null) => api.setRegistrationLinkTemplate(template).then(() => true),
    reload,
  );
  const problem = templateProblem(typed);
  const hint = templateHint(problem, t);
  // The preview is built as the card builds each client's link.
  const example = problem === null ? registrationLink(typed.trim(), SAMPLE_CLICK_ID) : null;

  const submit = async (template: string | null) => {
    setSaved(false);
    if (await save.run(template)) setSaved(true);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (problem === null) void submit(templateRequest(typed).template);
  };

  return (
    <AdminPanel
      testId="admin-registration-link"
      title={t('admin.section.registration-link')}
      intro={t('admin.registration.intro')}
      loaded={settings.data !== undefined}
      loadError={settings.error}
      onRetry={reload}
    >
      <p data-testid="admin-registration-current" data-template={current ?? ''}>
        {current === null
          ? t('admin.registration.unset')
          : t('admin.registration.current', { template: current })}
      </p>
      <form className="admin-form" onSubmit={onSubmit}>
        <label className="admin-field admin-field--wide">
          <span>{t('admin.registration.template')}</span>
          <input
            className="admin-input"
            data-testid="admin-registration-template"
            placeholder="https://example.com/register?click_id={click_id}"
            value={typed}
            maxLength={REGISTRATION_LINK_TEMPLATE_MAX + 20}
            onChange={(event) => {
              setSaved(false);
              setTyped(event.target.value);
            }}
          />
        </label>
        <button
          type="submit"
          className="button button--primary button--small"
          data-testid="admin-registration-save"
          disabled={save.running || problem !== null || typed.trim() === ''}
        >
          {save.running ? t('admin.saving') : t('admin.save')}
        </button>
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="admin-registration-clear"
          disabled={save.running || current === null}
          onClick={() => void submit(null)}
        >
          {t('admin.registration.clear')}
        </button>
      </form>
      {hint !== null && <p className="admin-hint">{hint}</p>}
      {example !== null && (
        <p className="muted" data-testid="admin-registration-example">
          {t('admin.registration.example', { link: example })}
        </p>
      )}
      <AdminError error={save.error} testId="admin-registration-error" />
      {saved && (
        <p className="admin-note" role="status" data-testid="admin-registration-saved">
          {t('admin.registration.saved')}
        </p>
      )}
    </AdminPanel>
  );
}
