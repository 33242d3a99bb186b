import { useState, type FormEvent } from 'react';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nProvider';
import {
  EMPTY_TRACKING_LINK_FORM,
  trackingLinkFormProblem,
  type TrackingLinkForm as Form,
} from './tracking-links';

const FIELDS: readonly { readonly field: keyof Form; readonly label: MessageKey }[] = [
  { field: 'source', label: 'admin.links.source' },
  { field: 'platform', label: 'admin.links.platform' },
  { field: 'campaign', label: 'admin.links.campaign' },
  { field: 'adSet', label: 'admin.links.adSet' },
  { field: 'ad', label: 'admin.links.ad' },
  { field: 'key', label: 'admin.links.key' },
];

/** The new-link form: the source (required), platform, campaign, ad set, ad, and an own key. */
export function TrackingLinkForm(props: {
  running: boolean;
  onCreate: (form: Form) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<Form>(EMPTY_TRACKING_LINK_FORM);
  const problem = trackingLinkFormProblem(form);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem !== null) return;
    if (await props.onCreate(form)) setForm(EMPTY_TRACKING_LINK_FORM);
  };

  const hint =
    problem === 'key-invalid'
      ? t('admin.links.keyInvalid')
      : problem === 'source-missing' && Object.values(form).some((value) => value.trim() !== '')
        ? t('admin.links.sourceMissing')
        : null;

  return (
    <form className="admin-form admin-form--grid" onSubmit={(event) => void submit(event)}>
      {FIELDS.map(({ field, label }) => (
        <label key={field} className="admin-field">
          <span>{t(label)}</span>
          <input
            className="admin-input"
            data-testid={`admin-link-${field}`}
            value={form[field]}
            maxLength={field === 'key' ? 64 : 100}
            title={field === 'key' ? t('admin.links.keyHint') : undefined}
            onChange={(event) => setForm({ ...form, [field]: event.target.value })}
          />
        </label>
      ))}
      <span className="admin-form__submit">
        <button
          type="submit"
          className="button button--primary button--small"
          data-testid="admin-link-create"
          disabled={props.running || problem !== null}
        >
          {props.running ? t('admin.saving') : t('admin.create')}
        </button>
        <span className="admin-hint">{hint ?? t('admin.links.keyHint')}</span>
      </span>
    </form>
  );
}
