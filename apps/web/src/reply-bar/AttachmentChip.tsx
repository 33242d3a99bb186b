import { useI18n } from '../i18n/I18nProvider';
import { formatFileSize } from '../media/media-grid';
import { uploadPercent } from './attachment-rules';
import type { ReplyAttachment } from './use-attachment-upload';

/**
 * The reply's file above the text: its kind, name and size; a progress bar and percentage while
 * it uploads; "ready to send" once uploaded. The cross removes it (cancelling its upload).
 */
export function AttachmentChip(props: {
  attachment: ReplyAttachment;
  disabled?: boolean;
  /** What an uploaded file says; default "Ready to send". */
  readyLabel?: string;
  /** The cross's label; default "Remove the attachment". */
  removeLabel?: string;
  onRemove: () => void;
}) {
  const { t, language } = useI18n();
  const { attachment } = props;
  const percent =
    attachment.status === 'uploading' ? uploadPercent(attachment.loaded, attachment.total) : 100;
  return (
    <div
      className="attachment-chip"
      data-testid="attachment-chip"
      data-state={attachment.status}
      data-kind={attachment.kind}
      role="group"
      aria-label={t('reply.attachment.label')}
    >
      <div className="attachment-chip__facts">
        <span className="attachment-chip__kind">{t(`content.kind.${attachment.kind}`)}</span>
        <span className="attachment-chip__name" title={attachment.name}>
          {attachment.name}
        </span>
        <span className="attachment-chip__size muted">
          {formatFileSize(attachment.size, language)}
        </span>
      </div>
      {attachment.status === 'uploading' ? (
        <div className="attachment-chip__progress">
          <progress
            data-testid="upload-progress"
            max={100}
            value={percent}
            aria-label={t('reply.attachment.uploading', { name: attachment.name })}
          />
          <span className="attachment-chip__percent" data-testid="upload-percent">
            {percent}%
          </span>
        </div>
      ) : (
        <span className="attachment-chip__ready muted">
          {props.readyLabel ?? t('reply.attachment.ready')}
        </span>
      )}
      <button
        type="button"
        className="attachment-chip__remove"
        data-testid="attachment-remove"
        aria-label={props.removeLabel ?? t('reply.attachment.remove')}
        title={props.removeLabel ?? t('reply.attachment.remove')}
        disabled={props.disabled}
        onClick={props.onRemove}
      >
        ×
      </button>
    </div>
  );
}
