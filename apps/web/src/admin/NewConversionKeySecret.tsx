import type { CreateConversionKeyResponse } from '@parley/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { CopyButton } from './CopyButton';

/** A new key's secret, shown this once, with a copy button and a warning; gone when dismissed. */
export function NewConversionKeySecret(props: {
  created: CreateConversionKeyResponse;
  label: string;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="admin-secret" role="status" data-testid="admin-key-secret-panel">
      <strong>{t('admin.keys.secretTitle', { label: props.label })}</strong>
      <p className="admin-secret__warning">{t('admin.keys.secretWarning')}</p>
      <span className="admin-copyable">
        <code data-testid="admin-key-secret">{props.created.secret}</code>
        <CopyButton text={props.created.secret} testId="admin-key-secret-copy" />
      </span>
      <p className="muted">{t('admin.keys.keyIdIs', { keyId: props.created.keyId })}</p>
      <button
        type="button"
        className="button button--ghost button--small"
        data-testid="admin-key-secret-dismiss"
        onClick={props.onDismiss}
      >
        {t('admin.keys.done')}
      </button>
    </div>
  );
}
