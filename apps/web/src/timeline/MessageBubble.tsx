import { useState } from 'react';
import type {
  AttachmentContent,
  DeliveryState,
  MessageContent,
  TimelineMedia,
  TimelineMessage,
  TimelineTranslation,
} from '@parley/contracts';
import { formatClockTime, formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/I18nProvider';
import { isAttachmentContent } from './attachment-content';
import { DeliveryMark } from './DeliveryMark';
import { EditedMarker } from './EarlierVersions';
import { MessageAttachment } from './MessageAttachment';
import { MessageContentView } from './MessageContentView';
import { FailedDeliveryActions, type FailedMessageActions } from './FailedDeliveryActions';
import { FormattedText } from './FormattedText';
import { messageTranslationView, replacedText, languageBadge } from './message-translation';
import { MessageTranslationBar } from './MessageTranslationBar';

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
  /** Its translation (C2), or what the manager wrote before it was translated (B4). */
  translation?: TimelineTranslation;
  /** The language detected from a client message (C2). */
  language?: string;
  /** Translate it again after a retryable failure; without it, no button. */
  onRetryTranslation?: (messageId: string) => Promise<void>;
  /** The search hit the timeline just scrolled to (issue 11): marked for a moment. */
  highlighted?: boolean;
}) {
  const { language } = useI18n();
  const { direction, delivery } = props;
  // Toggled: a client message's original, or what the manager wrote, instead of the default.
  const [toggled, setToggled] = useState(false);
  const translationView = messageTranslationView(direction, props.translation);
  const replaced = replacedText(translationView, toggled);
  const badge = languageBadge(translationView, toggled, props.language);
  const { onRetryTranslation, messageId } = props;
  const shownDelivery: DeliveryState | null =
    direction === 'out' ? (delivery ?? { status: 'sending' }) : null;
  return (
    <div
      className={`timeline__row timeline__row--${direction}${props.highlighted ? ' timeline__row--highlighted' : ''}`}
      data-testid="timeline-item"
      data-kind="message"
      data-direction={direction}
      data-delivery={shownDelivery?.status}
      data-message-id={props.messageId}
      data-pending={props.pending ? 'true' : undefined}
      data-content-kind={props.content.kind}
      data-edited={props.edited ? 'true' : undefined}
      data-translation={translationView.kind === 'none' ? undefined : translationView.kind}
      data-showing={translationView.kind === 'none' ? undefined : toggled ? 'toggled' : 'default'}
      data-highlighted={props.highlighted ? 'true' : undefined}
    >
      <div
        className={`bubble bubble--${direction}${shownDelivery?.status === 'error' ? ' bubble--error' : ''}`}
      >
        {replaced !== null && props.content.kind === 'text' ? (
          <FormattedText text={replaced} />
        ) : isAttachmentContent(props.content) ? (
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
        {replaced !== null && props.content.kind !== 'text' && (
          <FormattedText text={replaced} className="bubble__text bubble__text--translated" />
        )}
        {/* A message in the team's own language needs no badge: only translated ones get it. */}
        {translationView.kind !== 'none' && (
          <MessageTranslationBar
            view={translationView}
            toggled={toggled}
            onToggle={() => setToggled((shown) => !shown)}
            language={badge}
            onRetry={onRetryTranslation && (() => onRetryTranslation(messageId))}
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
    </div>
  );
}
