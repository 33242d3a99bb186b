import type { DeliveryState } from '@parley/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { AlertIcon, CheckIcon, ClockIcon } from '../icons/Icon';
import { UNCONFIRMED } from './FailedDeliveryActions';

/** Delivery state of an outgoing message (C4): a clock, a check, or red with the reason. */
export function DeliveryMark(props: { delivery: DeliveryState }) {
  const { t } = useI18n();
  const { delivery } = props;
  switch (delivery.status) {
    case 'sending':
      return (
        <span className="delivery delivery--sending" title={t('delivery.sending')}>
          <ClockIcon />
          <span className="visually-hidden">{t('delivery.sending')}</span>
        </span>
      );
    case 'sent': {
      // Sent by a manager's word: the channel could not confirm it, a manager checked the chat.
      const label = delivery.markedSentBy ? t('delivery.markedSent') : t('delivery.sent');
      return (
        <span
          className="delivery delivery--sent"
          title={label}
          data-marked-sent={delivery.markedSentBy ? 'true' : undefined}
        >
          <CheckIcon />
          <span className="visually-hidden">{label}</span>
        </span>
      );
    }
    case 'error':
      return (
        <span className="delivery delivery--error" role="status">
          <AlertIcon />
          <span>
            {delivery.code === UNCONFIRMED ? t('delivery.unconfirmed') : t('delivery.error')}:{' '}
          </span>
          <span data-testid="delivery-error-reason">{delivery.reason}</span>
        </span>
      );
    default: {
      const _exhaustive: never = delivery;
      return _exhaustive;
    }
  }
}
