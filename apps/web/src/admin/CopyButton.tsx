import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { copyText, type CopyOutcome } from './clipboard';

/** Copies `text`; says "Copied" for a moment after, or how to copy by hand when it could not. */
export function CopyButton(props: { text: string; testId: string }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<CopyOutcome | null>(null);

  useEffect(() => {
    if (outcome !== 'copied') return;
    const timer = window.setTimeout(() => setOutcome(null), 2500);
    return () => window.clearTimeout(timer);
  }, [outcome]);
  useEffect(() => setOutcome(null), [props.text]);

  const copy = async () => {
    setOutcome(await copyText(props.text, navigator.clipboard));
  };

  return (
    <span className="copy-button">
      <button
        type="button"
        className="button button--ghost button--small"
        data-testid={props.testId}
        data-copied={outcome === 'copied'}
        onClick={() => void copy()}
      >
        {outcome === 'copied' ? t('admin.copied') : t('admin.copy')}
      </button>
      {outcome === 'failed' && (
        <span className="admin-error" role="alert">
          {t('admin.copyFailed')}
        </span>
      )}
    </span>
  );
}
