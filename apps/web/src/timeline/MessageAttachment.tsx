import type { AttachmentContent } from '@parley/contracts';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';
import { formatFileSize } from '../media/media-grid';
import { MediaTile } from '../media/MediaTile';
import { useMediaLink } from '../media/media-links';
import { mediaItemOfAttachment } from './attachment-content';
import { FormattedText } from './FormattedText';

/**
 * A manager's photo, video, document or voice message (B8), caption below. Sent, it shows as the
 * stored file in the Media tab's tile (from a signed link); still pending, its kind, name and
 * size.
 */
export function MessageAttachment(props: {
  content: AttachmentContent;
  conversationId: string;
  at: string;
  pending?: boolean;
}) {
  const { content } = props;
  return (
    <>
      <div
        className="message-media message-attachment"
        data-testid="message-attachment"
        data-kind={content.kind}
        data-media-id={content.attachment.mediaId}
      >
        {props.pending ? (
          <AttachmentFacts content={content} />
        ) : (
          <StoredAttachment content={content} conversationId={props.conversationId} at={props.at} />
        )}
      </div>
      {content.caption !== null && <FormattedText text={content.caption} />}
    </>
  );
}

function StoredAttachment(props: {
  content: AttachmentContent;
  conversationId: string;
  at: string;
}) {
  const { t } = useI18n();
  const { link, error, renew } = useMediaLink(props.content.attachment.mediaId);
  if (link === null) {
    return (
      <AttachmentFacts
        content={props.content}
        note={
          error === undefined
            ? undefined
            : t('media.linkFailed', { message: describeError(error, t) })
        }
      />
    );
  }
  return (
    <MediaTile
      item={mediaItemOfAttachment(
        { conversationId: props.conversationId, at: props.at, content: props.content },
        link,
      )}
      onBroken={renew}
    />
  );
}

/** The file's kind, name and size: while it is sent, or while (or when not) its link loads. */
function AttachmentFacts(props: { content: AttachmentContent; note?: string }) {
  const { t, language } = useI18n();
  const { kind, attachment } = props.content;
  return (
    <div className={`media-placeholder media-placeholder--${kind}`}>
      <span className="media-placeholder__kind">{t(`content.kind.${kind}`)}</span>
      <span className="media-placeholder__details">
        {attachment.fileName} · {formatFileSize(attachment.size, language)}
      </span>
      {props.note !== undefined && (
        <span
          className="media-placeholder__note media-placeholder__note--failed"
          data-testid="media-note"
        >
          {props.note}
        </span>
      )}
    </div>
  );
}
