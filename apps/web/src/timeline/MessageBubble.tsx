import type { DeliveryState, MessageContent } from '@parley/contracts';
import { formatClockTime, formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/I18nProvider';
import { DeliveryMark } from './DeliveryMark';
import { FailedDeliveryActions, type FailedMessageActions } from './FailedDeliveryActions';

function MessageBody(props: { content: MessageContent }) {
  const { content } = props;
  const { t } = useI18n();
  switch (content.kind) {
    case 'text':
      return <p className="bubble__text">{content.text}</p>;
    case 'unsupported':
      // A kind Parley cannot show yet (a photo, a voice note, ...): say what came, keep the caption.
      return (
        <>
          <p
            className="bubble__unsupported"
            data-testid="unsupported-message"
            data-unsupported-kind={content.unsupportedKind}
          >
            {t('message.unsupported', { kind: content.unsupportedKind })}
          </p>
          {content.caption !== null && <p className="bubble__text">{content.caption}</p>}
        </>
      );
    default: {
      const _exhaustive: never = content;
      return _exhaustive;
    }
  }
}

/** A message on the timeline: incoming on the left, outgoing on the right with its delivery. */
export function MessageBubble(props: {
  messageId: string;
  direction: 'in' | 'out';
  content: MessageContent;
  delivery: DeliveryState | null;
  at: string;
  pending?: boolean;
  /** Retry and mark sent for a failed outgoing message (C4); without it, no buttons. */
  failedMessageActions?: FailedMessageActions;
}) {
  const { language } = useI18n();
  const { direction, delivery } = props;
  const shownDelivery: DeliveryState | null =
    direction === 'out' ? (delivery ?? { status: 'sending' }) : null;
  return (
    <li
      className={`timeline__row timeline__row--${direction}`}
      data-testid="timeline-item"
      data-kind="message"
      data-direction={direction}
      data-delivery={shownDelivery?.status}
      data-message-id={props.messageId}
      data-pending={props.pending ? 'true' : undefined}
    >
      <div
        className={`bubble bubble--${direction}${shownDelivery?.status === 'error' ? ' bubble--error' : ''}`}
      >
        <MessageBody content={props.content} />
        <div className="bubble__meta">
          <time dateTime={props.at} title={formatDateTime(props.at, language)}>
            {formatClockTime(new Date(props.at))}
          </time>
          {shownDelivery && <DeliveryMark delivery={shownDelivery} />}
        </div>
        {shownDelivery?.status === 'error' && props.failedMessageActions && (
          <FailedDeliveryActions
            messageId={props.messageId}
            code={shownDelivery.code}
            actions={props.failedMessageActions}
          />
        )}
      </div>
    </li>
  );
}
