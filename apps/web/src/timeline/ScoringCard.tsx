import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/I18nProvider';
import { failureReasonKey } from '../translation/failure-reasons';
import type { ConversationScoring } from './conversation-scoring';

/**
 * An AI summary on the timeline (B7): "AI summary" with the model and the time, the summary,
 * "Next step: …", and "Demo" when the demo assistant wrote it; or why no summary came.
 */
export function ScoringCard(props: { scoring: ConversationScoring; action: string; at: string }) {
  const { t, language } = useI18n();
  const { scoring } = props;
  if (scoring.status === 'failed') {
    const reason =
      scoring.reason !== null
        ? t(failureReasonKey(scoring.reason))
        : (scoring.detail ?? t('scoring.failed.unknown'));
    return (
      <div
        className="timeline__row timeline__row--action"
        data-testid="timeline-item"
        data-kind="action"
        data-action={props.action}
      >
        <span
          className="action-line action-line--failed"
          data-testid="scoring-failed"
          title={formatDateTime(props.at, language)}
        >
          {t('scoring.failed', { reason })}
        </span>
      </div>
    );
  }
  return (
    <div
      className="timeline__row timeline__row--scoring"
      data-testid="timeline-item"
      data-kind="action"
      data-action={props.action}
    >
      <article className="scoring-card" data-testid="scoring-card" data-demo={scoring.demo}>
        <header className="scoring-card__header">
          <strong>{t('scoring.title')}</strong>
          <span className="muted">
            {t('scoring.by', { model: scoring.model, time: formatDateTime(props.at, language) })}
          </span>
          {scoring.demo && (
            <span
              className="scoring-card__demo"
              data-testid="scoring-demo"
              title={t('scoring.demo.title')}
            >
              {t('scoring.demo')}
            </span>
          )}
        </header>
        <p className="scoring-card__summary" data-testid="scoring-summary">
          {scoring.summary}
        </p>
        {scoring.nextStep !== null && (
          <p className="scoring-card__next" data-testid="scoring-next-step">
            {t('scoring.nextStep', { step: scoring.nextStep })}
          </p>
        )}
      </article>
    </div>
  );
}
