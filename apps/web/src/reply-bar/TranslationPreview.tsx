import { useI18n } from '../i18n/I18nProvider';
import { languageName } from '../translation/language-names';
import type { OutgoingPreview } from './outgoing-translation';
import { MAX_MESSAGE_LENGTH } from './reply-draft';

/**
 * The draft's translation under it (B4): "Will be sent in Spanish", the translation to edit, and
 * "Discard translation" to send the draft as written; a note when the draft changed since.
 */
export function TranslationPreview(props: {
  preview: OutgoingPreview;
  stale: boolean;
  disabled: boolean;
  onEdit: (text: string) => void;
  onDiscard: () => void;
}) {
  const { t, language } = useI18n();
  const { preview } = props;
  if (preview.status !== 'ready') return null;
  const target = languageName(preview.to, language);
  return (
    <div
      className="reply-bar__preview"
      data-testid="translation-preview"
      data-language={preview.to}
      data-stale={props.stale ? 'true' : undefined}
    >
      <div className="reply-bar__preview-head">
        <span>{t('reply.preview.label', { language: target })}</span>
        <button
          type="button"
          className="link-button"
          data-testid="translation-discard"
          disabled={props.disabled}
          onClick={props.onDiscard}
        >
          {t('reply.preview.discard')}
        </button>
      </div>
      <textarea
        className="reply-bar__input reply-bar__preview-input"
        data-testid="translation-preview-input"
        aria-label={t('reply.preview.label', { language: target })}
        lang={preview.to}
        rows={2}
        maxLength={MAX_MESSAGE_LENGTH}
        disabled={props.disabled}
        value={preview.text}
        onChange={(event) => props.onEdit(event.target.value)}
      />
      {props.stale && (
        <p className="reply-bar__preview-stale" role="status" data-testid="translation-stale">
          {t('reply.preview.stale')}
        </p>
      )}
    </div>
  );
}
