import type { TemplateAttachment, TemplateLibraryView } from '@parley/contracts';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { UploadTemplateFile } from '../api/attachment-upload';
import { describeError } from '../api/describe-error';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nProvider';
import { PaperclipIcon } from '../icons/Icon';
import { AttachmentChip } from '../reply-bar/AttachmentChip';
import { attachmentSizeProblem } from '../reply-bar/attachment-rules';
import { useAttachmentUpload } from '../reply-bar/use-attachment-upload';
import {
  BUILT_IN_TEMPLATE_VARIABLES,
  insertVariable,
  TEMPLATE_NAME_MAX,
  TEMPLATE_TEXT_MAX,
  templateFileKind,
  templateFileOf,
  usableVariables,
  type TemplateDraft,
  type TemplateDraftProblem,
} from './reply-templates';
import { templateFieldHint } from './template-hints';

const BUILT_IN_TITLES: Readonly<Record<(typeof BUILT_IN_TEMPLATE_VARIABLES)[number], MessageKey>> =
  {
    user_name: 'admin.templates.var.user_name',
    manager_name: 'admin.templates.var.manager_name',
    stage: 'admin.templates.var.stage',
    link: 'admin.templates.var.link',
  };

const builtInTitle = (name: string): MessageKey | undefined =>
  Object.hasOwn(BUILT_IN_TITLES, name)
    ? BUILT_IN_TITLES[name as keyof typeof BUILT_IN_TITLES]
    : undefined;

/**
 * Create or change a template: name, shortcode, text, with the variables the text can use
 * (a click puts one at the caret) and what is wrong with the draft under its field; and its one
 * optional file (issue 13), uploaded at once with its progress as the reply bar uploads, shown by
 * name, removable.
 */
export function TemplateForm(props: {
  library: TemplateLibraryView | undefined;
  draft: TemplateDraft;
  problems: readonly TemplateDraftProblem[];
  /** The name of the template being changed; null for a new one. */
  editingName: string | null;
  busy: boolean;
  onChange: (draft: TemplateDraft) => void;
  /** Uploads the template's file (the admin api's uploadTemplateFile). */
  uploadFile: UploadTemplateFile;
  /** The draft's file is now this one (uploaded), or none. */
  onAttach: (file: TemplateAttachment | null) => void;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const { draft, problems, uploadFile, onAttach } = props;
  const textArea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useAttachmentUpload((kind, file, name, onProgress, signal) =>
    uploadFile(kind, file, name, onProgress, signal),
  );
  const [fileError, setFileError] = useState<string | null>(null);
  const uploading = upload.attachment?.status === 'uploading';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (problems.length === 0 && !uploading) props.onSubmit();
  };

  const onFileChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again is a change too.
    event.target.value = '';
    if (!file) return;
    setFileError(null);
    const tooLarge = attachmentSizeProblem({ name: file.name, size: file.size }, t, language);
    if (tooLarge) {
      setFileError(tooLarge);
      return;
    }
    try {
      const uploaded = await upload.start(file, templateFileKind(file), file.name);
      if (uploaded) {
        onAttach(templateFileOf(uploaded));
        upload.clear();
      }
    } catch (failure) {
      setFileError(describeError(failure, t));
    }
  };

  const removeFile = () => {
    upload.clear();
    setFileError(null);
    onAttach(null);
  };

  const insert = (name: string) => {
    const area = textArea.current;
    const start = area?.selectionStart ?? draft.text.length;
    const end = area?.selectionEnd ?? start;
    const next = insertVariable(draft.text, name, start, end);
    props.onChange({ ...draft, text: next.text });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(next.caret, next.caret);
    });
  };

  const hint = (field: TemplateDraftProblem['field']) => {
    const text = templateFieldHint(problems, field, t);
    return text === null ? null : (
      <span className="admin-hint admin-hint--problem" data-testid={`template-${field}-hint`}>
        {text}
      </span>
    );
  };
  const changed =
    props.editingName !== null ||
    draft.name + draft.shortcode + draft.text !== '' ||
    draft.attachment !== null;
  const shownFile =
    upload.attachment ??
    (draft.attachment && {
      status: 'ready' as const,
      kind: draft.attachment.kind,
      name: draft.attachment.fileName,
      size: draft.attachment.size,
      uploaded: { ...draft.attachment, durationSeconds: null },
    });

  return (
    <form className="template-form" onSubmit={onSubmit} data-testid="template-form">
      <h3 className="admin-subtitle">
        {props.editingName === null
          ? t('admin.templates.new')
          : t('admin.templates.editing', { name: props.editingName })}
      </h3>
      <div className="template-form__row">
        <label className="admin-field admin-field--wide">
          <span>{t('admin.templates.name')}</span>
          <input
            className="admin-input"
            data-testid="template-name"
            placeholder={t('admin.templates.namePlaceholder')}
            value={draft.name}
            maxLength={TEMPLATE_NAME_MAX + 20}
            onChange={(event) => props.onChange({ ...draft, name: event.target.value })}
          />
          {hint('name')}
        </label>
        <label className="admin-field">
          <span>{t('admin.templates.shortcode')}</span>
          <span className="template-shortcode">
            <span className="template-shortcode__slash" aria-hidden="true">
              /
            </span>
            <input
              className="admin-input template-shortcode__input"
              data-testid="template-shortcode"
              placeholder={t('admin.templates.shortcodePlaceholder')}
              value={draft.shortcode}
              maxLength={40}
              autoCapitalize="none"
              spellCheck={false}
              // The `/` is shown before the field: one typed out of habit is dropped.
              onChange={(event) =>
                props.onChange({ ...draft, shortcode: event.target.value.replace(/^\/+/, '') })
              }
            />
          </span>
          {hint('shortcode')}
        </label>
      </div>
      <label className="admin-field">
        <span>{t('admin.templates.text')}</span>
        <textarea
          ref={textArea}
          className="admin-input admin-textarea"
          data-testid="template-text"
          placeholder={t('admin.templates.textPlaceholder')}
          rows={6}
          value={draft.text}
          maxLength={TEMPLATE_TEXT_MAX}
          onChange={(event) => props.onChange({ ...draft, text: event.target.value })}
        />
        {hint('text')}
      </label>
      <div className="admin-field template-file" data-testid="template-file">
        <span>{t('admin.templates.file')}</span>
        {shownFile ? (
          <AttachmentChip
            attachment={shownFile}
            disabled={props.busy}
            readyLabel={t('admin.templates.fileReady')}
            removeLabel={t('admin.templates.removeFile')}
            onRemove={removeFile}
          />
        ) : (
          <span className="template-file__attach">
            <input
              ref={fileInput}
              type="file"
              data-testid="template-file-input"
              hidden
              tabIndex={-1}
              onChange={(event) => void onFileChosen(event)}
            />
            <button
              type="button"
              className="button button--ghost button--small"
              data-testid="template-attach"
              disabled={props.busy}
              onClick={() => fileInput.current?.click()}
            >
              <PaperclipIcon />
              {t('admin.templates.attach')}
            </button>
            <span className="admin-hint">{t('admin.templates.attachHint')}</span>
          </span>
        )}
        {fileError && (
          <span
            className="admin-hint admin-hint--problem"
            role="alert"
            data-testid="template-file-error"
          >
            {fileError}
          </span>
        )}
      </div>
      <div className="template-variables" data-testid="template-variables-hint">
        <span className="admin-hint">{t('admin.templates.variablesHint')}</span>
        {usableVariables(props.library).map((name) => {
          const builtIn = builtInTitle(name);
          return (
            <button
              key={name}
              type="button"
              className="template-variable"
              data-testid="template-variable"
              data-name={name}
              data-built-in={builtIn ? 'true' : undefined}
              title={
                builtIn
                  ? t(builtIn)
                  : t('admin.templates.var.workspace', {
                      value: props.library?.variables[name] ?? '',
                    })
              }
              onClick={() => insert(name)}
            >
              {`{${name}}`}
            </button>
          );
        })}
      </div>
      <div className="admin-form__submit">
        <button
          type="submit"
          className="button button--primary button--small"
          data-testid="template-save"
          disabled={props.busy || uploading || problems.length > 0}
        >
          {props.busy
            ? t('admin.saving')
            : props.editingName === null
              ? t('admin.create')
              : t('admin.save')}
        </button>
        {changed && (
          <button
            type="button"
            className="button button--ghost button--small"
            data-testid="template-cancel"
            disabled={props.busy}
            onClick={() => {
              removeFile();
              props.onCancel();
            }}
          >
            {t('admin.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
