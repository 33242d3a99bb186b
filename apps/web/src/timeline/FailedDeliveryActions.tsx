import type { UNCONFIRMED_DELIVERY } from '@parley/contracts';
import { useState } from 'react';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';

/** The failure code of a send Telegram may have delivered (`UNCONFIRMED_DELIVERY`). */
export const UNCONFIRMED: typeof UNCONFIRMED_DELIVERY = 'unconfirmed';

/** What a manager can do with a failed outgoing message (C4); each resolves once accepted. */
export interface FailedMessageActions {
  readonly retry: (messageId: string) => Promise<void>;
  readonly markSent: (messageId: string) => Promise<void>;
}

/**
 * Under a failed outgoing message: "Retry"; for one whose delivery was not confirmed (Telegram
 * may have delivered it), "Mark as sent" (the manager checked the chat) and "Send again" (a
 * deliberate second send). Buttons are disabled while a request runs; its error shows here.
 */
export function FailedDeliveryActions(props: {
  messageId: string;
  code: string;
  actions: FailedMessageActions;
}) {
  const { t } = useI18n();
  const [running, setRunning] = useState<'retry' | 'markSent' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unconfirmed = props.code === UNCONFIRMED;

  const run = async (action: 'retry' | 'markSent') => {
    if (running !== null) return;
    setRunning(action);
    setError(null);
    try {
      await props.actions[action](props.messageId);
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setRunning(null);
    }
  };

  return (
    <div className="bubble__actions" data-testid="failed-delivery-actions">
      {unconfirmed && (
        <button
          type="button"
          className="button button--ghost"
          data-testid="mark-sent"
          disabled={running !== null}
          onClick={() => void run('markSent')}
        >
          {running === 'markSent' ? t('delivery.marking') : t('delivery.markSent')}
        </button>
      )}
      <button
        type="button"
        className="button button--ghost"
        data-testid="retry-message"
        disabled={running !== null}
        onClick={() => void run('retry')}
      >
        {running === 'retry'
          ? t('delivery.retrying')
          : unconfirmed
            ? t('delivery.sendAgain')
            : t('delivery.retry')}
      </button>
      {error && (
        <p className="bubble__action-error" role="alert" data-testid="failed-delivery-error">
          {error}
        </p>
      )}
    </div>
  );
}
