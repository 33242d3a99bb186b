import type { CrmSettingsView } from '@parley/contracts';
import { useEffect, useState } from 'react';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';
import { registrationLink } from './registration-link';

type CopyState = 'idle' | 'copied' | 'failed';

/** How long "Copied" stays on the button. */
const COPIED_FOR_MS = 2_000;

/**
 * The client's registration link (R7), built from the workspace's template and the client's
 * click id, with a Copy button; says so when the admin has set no template.
 */
export function RegistrationLink(props: {
  clickId: string | undefined;
  settings: CrmSettingsView | undefined;
  settingsError: unknown;
}) {
  const { t } = useI18n();
  const [copy, setCopy] = useState<CopyState>('idle');
  const link = registrationLink(props.settings?.registrationLinkTemplate, props.clickId);

  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  const onCopy = async () => {
    if (link === null) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  const note = (() => {
    if (props.settings === undefined) {
      return props.settingsError === undefined
        ? t('app.loading')
        : t('error.loadFailed', { message: describeError(props.settingsError, t) });
    }
    if (props.settings.registrationLinkTemplate === null) return t('card.registration.noTemplate');
    if (!props.clickId) return t('card.registration.noClickId');
    return null;
  })();

  return (
    <section className="client-card__section" data-testid="card-registration">
      <h3 className="panel-title">{t('card.registration.title')}</h3>
      {link === null ? (
        <p className="panel-note" data-testid="card-registration-note">
          {note}
        </p>
      ) : (
        <div className="card-form">
          <input
            className="card-edit__input"
            data-testid="card-registration-link"
            aria-label={t('card.registration.title')}
            value={link}
            readOnly
            onFocus={(event) => event.target.select()}
          />
          <button
            type="button"
            className="button button--small"
            data-testid="card-registration-copy"
            data-state={copy}
            onClick={() => void onCopy()}
          >
            {copy === 'copied'
              ? t('card.registration.copied')
              : copy === 'failed'
                ? t('card.registration.copyFailed')
                : t('card.registration.copy')}
          </button>
        </div>
      )}
    </section>
  );
}
