import type {
  AttachmentContent,
  DeliveryState,
  MessageContent,
  TimelineMedia,
  TimelineMessage,
} from '@parley/contracts';
import { formatClockTime, formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/I18nProvider';
import { isAttachmentContent } from './attachment-content';
import { DeliveryMark } from './DeliveryMark';
import { EditedMarker } from './EarlierVersions';
import { MessageAttachment } from './MessageAttachment';
import { MessageContentView } from './MessageContentView';
import { FailedDeliveryActions, type FailedMessageActions } from './FailedDeliveryActions';

/** A message on the timeline: incoming on the left, outgoing on the right with its delivery. */
export function MessageBubble(props: {
  messageId: string;
  direction: 'in' | 'out';
  /** A client's content, or a manager's text or file (B8). */
  content: MessageContent | AttachmentContent;
  delivery: DeliveryState | null;
  at: string;
  /** The conversation it belongs to (for its file's tile). */
  conversationId: string;
  /** Its file, once fetched or failed (client messages with media). */
  media?: TimelineMedia;
  /** Set once the client edited it (C5): the marker and the earlier versions. */
  edited?: TimelineMessage['edited'];
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
      data-content-kind={props.content.kind}
      data-edited={props.edited ? 'true' : undefined}
    >
      <div
        className={`bubble bubble--${direction}${shownDelivery?.status === 'error' ? ' bubble--error' : ''}`}
      >
        {isAttachmentContent(props.content) ? (
          <MessageAttachment
            content={props.content}
            conversationId={props.conversationId}
            at={props.at}
            pending={props.pending}
          />
        ) : (
          <MessageContentView
            content={props.content}
            file={{ media: props.media, conversationId: props.conversationId, at: props.at }}
          />
        )}
        {props.edited && (
          <EditedMarker editedAt={props.edited.at} earlierVersions={props.edited.earlierVersions} />
        )}
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
