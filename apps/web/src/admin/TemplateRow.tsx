import type { ReplyTemplate } from '@parley/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { ConfirmButton } from './ConfirmButton';

/**
 * A reply template in the list: name, `/shortcode`, its text and its file's name (issue 13);
 * edit it in the form, delete it.
 */
export function TemplateRow(props: {
  template: ReplyTemplate;
  busy: boolean;
  editing: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useI18n();
  const { template } = props;
  return (
    <li
      className="admin-row template-row"
      data-testid="template-row"
      data-shortcode={template.shortcode}
      data-editing={props.editing ? 'true' : undefined}
    >
      <span className="admin-row__name template-row__head">
        <strong data-testid="template-row-name">{template.name}</strong>
        <code className="template-row__shortcode" data-testid="template-row-shortcode">
          /{template.shortcode}
        </code>
      </span>
      <span className="admin-row__actions">
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="template-edit"
          aria-label={t('admin.templates.editOf', { name: template.name })}
          disabled={props.busy}
          onClick={props.onEdit}
        >
          {t('admin.templates.edit')}
        </button>
        <ConfirmButton
          label={t('admin.templates.delete')}
          question={t('admin.templates.deleteConfirm', { name: template.name })}
          testId="template-delete"
          disabled={props.busy}
          onConfirm={props.onDelete}
        />
      </span>
      <p className="template-row__text" data-testid="template-row-text">
        {template.text}
      </p>
      {template.attachment && (
        <p className="template-row__file muted" data-testid="template-row-file">
          {t('admin.templates.hasFile', { name: template.attachment.fileName })}
        </p>
      )}
    </li>
  );
}
