import { useState } from 'react';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';
import { failureReasonKey } from '../translation/failure-reasons';
import { languageName } from '../translation/language-names';
import type { MessageTranslationView } from './message-translation';

/**
 * Under a message with a translation (C2, B4): the detected language as a small badge, and
 * the toggle to the other text ("Show original" / "Show translation", "Show what I wrote" /
 * "Show what was sent"); for a failed translation, why in plain words and, when it may work
 * later, "Retry translation".
 */
export function MessageTranslationBar(props: {
  view: MessageTranslationView;
  toggled: boolean;
  onToggle: () => void;
  /** The language badge (the client's detected language); null: no badge. */
  language: string | null;
  /** Translate again (a retryable failure); without it, no button. */
  onRetry?: () => Promise<void>;
}) {
  const { t, language: ui } = useI18n();
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { view } = props;

  const retry = async () => {
    if (!props.onRetry || retrying) return;
    setRetrying(true);
    setError(null);
    try {
      await props.onRetry();
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setRetrying(false);
    }
  };

  const toggleLabel =
    view.kind === 'translated'
      ? props.toggled
        ? t('translation.showTranslation')
        : t('translation.showOriginal')
      : props.toggled
        ? t('translation.showWhatWasSent')
        : t('translation.showWhatIWrote');

  return (
    <div className="bubble__translation" data-testid="message-translation" data-status={view.kind}>
      {props.language !== null && (
        <span
          className="bubble__language"
          data-testid="message-language"
          data-language={props.language}
          title={t('translation.language', { language: languageName(props.language, ui) })}
        >
          {props.language.toUpperCase()}
        </span>
      )}
      {view.kind === 'translated' && !props.toggled && (
        <span className="muted">
          {t('translation.translatedFrom', { from: languageName(view.from, ui) })}
        </span>
      )}
      {view.kind === 'sent-translated' && !props.toggled && (
        <span className="muted">{t('translation.sentIn')}</span>
      )}
      {(view.kind === 'translated' || view.kind === 'sent-translated') && (
        <button
          type="button"
          className="link-button"
          data-testid="toggle-translation"
          aria-pressed={props.toggled}
          onClick={props.onToggle}
        >
          {toggleLabel}
        </button>
      )}
      {view.kind === 'failed' && (
        <>
          <span className="bubble__translation-failed" data-testid="translation-failed">
            {t('translation.failed', { reason: t(failureReasonKey(view.reason)) })}
          </span>
          {view.retryable && props.onRetry && (
            <button
              type="button"
              className="link-button"
              data-testid="retry-translation"
              disabled={retrying}
              onClick={() => void retry()}
            >
              {retrying ? t('translation.retrying') : t('translation.retry')}
            </button>
          )}
        </>
      )}
      {error && (
        <p className="bubble__action-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
