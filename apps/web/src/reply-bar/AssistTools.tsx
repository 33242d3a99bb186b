import { useI18n } from '../i18n/I18nProvider';
import type { ReplyDraft } from './reply-draft';
import { translateAvailability } from './outgoing-translation';
import type { ReplyAssist, ReplyAssistState } from './use-reply-assist';

/**
 * The reply bar's assistant row (issue 12): Translate the draft (B4; off, with where an admin
 * turns it on, without a provider), AI reply (B5), Summarise (B7), and what the last of them did.
 */
export function AssistTools(props: {
  assist: ReplyAssist;
  state: ReplyAssistState;
  draft: ReplyDraft;
  hasAttachment: boolean;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const { state } = props;
  const translate = translateAvailability(props.assist.settings, props.draft, props.hasAttachment);
  const busy = props.disabled || state.running !== null;
  return (
    <div className="reply-bar__assist" data-testid="reply-assist">
      <button
        type="button"
        className="button button--ghost button--small"
        data-testid="reply-translate"
        title={t(translate.titleKey)}
        disabled={busy || !translate.enabled}
        onClick={() => void state.translate()}
      >
        {state.running === 'translate' ? t('reply.translate.running') : t('reply.translate')}
      </button>
      <button
        type="button"
        className="button button--ghost button--small"
        data-testid="reply-advice"
        title={t('reply.advice.title')}
        disabled={busy}
        onClick={() => void state.advise()}
      >
        {state.running === 'advice' ? t('reply.advice.running') : t('reply.advice')}
      </button>
      <button
        type="button"
        className="button button--ghost button--small"
        data-testid="reply-score"
        title={t('reply.score.title')}
        disabled={busy}
        onClick={() => void state.score()}
      >
        {state.running === 'score' ? t('reply.score.running') : t('reply.score')}
      </button>
      {state.note?.kind === 'advice' && (
        <span className="muted" role="status" data-testid="reply-advice-note">
          {t('reply.advice.drafted', { model: state.note.model })}{' '}
          {state.note.demo && (
            <span
              className="reply-bar__demo"
              data-testid="reply-advice-demo"
              title={t('reply.demo.title')}
            >
              {t('reply.demo')}
            </span>
          )}
        </span>
      )}
      {state.note?.kind === 'score-requested' && (
        <span className="muted" role="status" data-testid="reply-score-requested">
          {t('reply.score.requested')}
        </span>
      )}
    </div>
  );
}
