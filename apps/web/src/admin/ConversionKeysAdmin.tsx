import type { CreateConversionKeyResponse } from '@parley/contracts';
import { useReducer, useState, type FormEvent } from 'react';
import type { AdminApi } from '../api/admin-api';
import { useResource } from '../api/use-resource';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/I18nProvider';
import { AdminError } from './AdminError';
import { AdminPanel } from './AdminPanel';
import { ConfirmButton } from './ConfirmButton';
import {
  CONVERSION_KEY_LABEL_MAX,
  conversionKeySections,
  isConversionKeyLabel,
} from './conversion-keys';
import { NewConversionKeySecret } from './NewConversionKeySecret';
import { useAdminAction } from './use-admin-action';

/** Conversion keys (A3): create with a label (the secret shown once), revoke after a confirm. */
export function ConversionKeysAdmin(props: { api: AdminApi }) {
  const { api } = props;
  const { t, language } = useI18n();
  const [tick, reload] = useReducer((n: number) => n + 1, 0);
  const keys = useResource(() => api.conversionKeys(), 'conversion-keys', tick);
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<{
    readonly answer: CreateConversionKeyResponse;
    readonly label: string;
  } | null>(null);
  const create = useAdminAction(api.createConversionKey, reload);
  const revoke = useAdminAction((keyId: string) => api.revokeConversionKey(keyId), reload);
  const { active, revoked } = conversionKeySections(keys.data);

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    if (!isConversionKeyLabel(label)) return;
    setCreated(null);
    const answer = await create.run(label.trim());
    if (answer) {
      setCreated({ answer, label: label.trim() });
      setLabel('');
    }
  };

  return (
    <AdminPanel
      testId="admin-conversion-keys"
      title={t('admin.section.conversion-keys')}
      intro={t('admin.keys.intro')}
      loaded={keys.data !== undefined}
      loadError={keys.error}
      onRetry={reload}
    >
      <form className="admin-form" onSubmit={(event) => void onCreate(event)}>
        <label className="admin-field">
          <span>{t('admin.keys.new')}</span>
          <input
            className="admin-input"
            data-testid="admin-key-label"
            aria-label={t('admin.keys.label')}
            placeholder={t('admin.keys.labelPlaceholder')}
            value={label}
            maxLength={CONVERSION_KEY_LABEL_MAX}
            onChange={(event) => setLabel(event.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button button--primary button--small"
          data-testid="admin-key-create"
          disabled={create.running || !isConversionKeyLabel(label)}
        >
          {create.running ? t('admin.saving') : t('admin.create')}
        </button>
      </form>
      <AdminError error={create.error} testId="admin-key-create-error" />
      {created && (
        <NewConversionKeySecret
          created={created.answer}
          label={created.label}
          onDismiss={() => setCreated(null)}
        />
      )}

      <h3 className="admin-subtitle">{t('admin.keys.active')}</h3>
      {active.length === 0 ? (
        <p className="muted">{t('admin.keys.empty')}</p>
      ) : (
        <ul className="admin-list" data-testid="admin-key-list">
          {active.map((key) => (
            <li
              key={key.keyId}
              className="admin-row"
              data-testid="admin-key"
              data-key-id={key.keyId}
            >
              <span className="admin-row__name">
                {key.label}{' '}
                <span className="muted">
                  {t('admin.keys.createdAt', { at: formatDateTime(key.createdAt, language) })}
                </span>
              </span>
              <span className="admin-row__actions">
                <ConfirmButton
                  label={t('admin.keys.revoke')}
                  question={t('admin.keys.revokeConfirm', { label: key.label })}
                  testId="admin-key-revoke"
                  disabled={revoke.running}
                  onConfirm={() => void revoke.run(key.keyId)}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
      <AdminError error={revoke.error} testId="admin-key-revoke-error" />

      {revoked.length > 0 && (
        <>
          <h3 className="admin-subtitle">{t('admin.keys.revokedTitle')}</h3>
          <ul className="admin-list" data-testid="admin-revoked-key-list">
            {revoked.map((key) => (
              <li
                key={key.keyId}
                className="admin-row admin-row--retired"
                data-testid="admin-revoked-key"
                data-key-id={key.keyId}
              >
                <span className="admin-row__name">
                  {key.label}{' '}
                  <span className="muted">
                    {t('admin.keys.revokedAt', {
                      at: formatDateTime(key.revokedAt ?? key.createdAt, language),
                    })}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </AdminPanel>
  );
}
