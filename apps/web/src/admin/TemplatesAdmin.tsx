import type { ReplyTemplate } from '@parley/contracts';
import { useReducer, useState } from 'react';
import type { AdminApi } from '../api/admin-api';
import { useResource } from '../api/use-resource';
import { useI18n } from '../i18n/I18nProvider';
import { AdminError } from './AdminError';
import { AdminPanel } from './AdminPanel';
import {
  draftOf,
  EMPTY_TEMPLATE_DRAFT,
  templateDraftProblems,
  templateRequest,
  variableValueRequest,
  workspaceVariables,
  type TemplateDraft,
} from './reply-templates';
import { TemplateForm } from './TemplateForm';
import { TemplatePreviewPanel } from './TemplatePreviewPanel';
import { TemplateRow } from './TemplateRow';
import { TemplateVariables } from './TemplateVariables';
import { useAdminAction } from './use-admin-action';

/** Which part of the screen the last change was made in: its error is shown there. */
type Part = 'templates' | 'variables';

/**
 * Reply templates and workspace variables (issue 13, B1/B3): the templates with create, edit
 * and delete (each with an optional file, sent with it), a live preview of the draft for a chosen chat's client, and the variables.
 */
export function TemplatesAdmin(props: { api: AdminApi }) {
  const { api } = props;
  const { t } = useI18n();
  const [tick, reload] = useReducer((n: number) => n + 1, 0);
  const library = useResource(() => api.templateLibrary(), 'template-library', tick);
  const chats = useResource(() => api.chats().then((page) => page.items), 'preview-chats', 0);
  const [chosenChat, setChosenChat] = useState<string | null>(null);
  const [editing, setEditing] = useState<ReplyTemplate | null>(null);
  const [draft, setDraft] = useState<TemplateDraft>(EMPTY_TEMPLATE_DRAFT);
  const [part, setPart] = useState<Part>('templates');
  // One change at a time on the library, its error shown in the part it was made in.
  const change = useAdminAction(
    (request: () => Promise<unknown>) => request().then(() => true),
    reload,
  );
  const run = (where: Part, request: () => Promise<unknown>) => {
    setPart(where);
    return change.run(request);
  };

  const data = library.data;
  const problems = templateDraftProblems(draft, data, editing?.templateId ?? null);
  const previewChat =
    chosenChat !== null && chats.data?.some((chat) => chat._id === chosenChat)
      ? chosenChat
      : (chats.data?.[0]?._id ?? null);

  const resetForm = () => {
    setEditing(null);
    setDraft(EMPTY_TEMPLATE_DRAFT);
  };
  const save = async () => {
    if (problems.length > 0) return;
    const request = templateRequest(draft);
    const target = editing;
    const done = await run('templates', () =>
      target === null
        ? api.createTemplate(request)
        : api.updateTemplate(target.templateId, request),
    );
    if (done) resetForm();
  };
  const remove = async (template: ReplyTemplate) => {
    const done = await run('templates', () => api.deleteTemplate(template.templateId));
    if (done && editing?.templateId === template.templateId) resetForm();
  };

  return (
    <AdminPanel
      testId="admin-templates"
      title={t('admin.section.templates')}
      intro={t('admin.templates.intro')}
      loaded={data !== undefined}
      loadError={library.error}
      onRetry={reload}
    >
      <h3 className="admin-subtitle">{t('admin.templates.list')}</h3>
      {data && data.templates.length === 0 ? (
        <p className="muted" data-testid="template-list-empty">
          {t('admin.templates.empty')}
        </p>
      ) : (
        <ul className="admin-list" data-testid="template-list">
          {data?.templates.map((template) => (
            <TemplateRow
              key={template.templateId}
              template={template}
              busy={change.running}
              editing={editing?.templateId === template.templateId}
              onEdit={() => {
                setEditing(template);
                setDraft(draftOf(template));
              }}
              onDelete={() => void remove(template)}
            />
          ))}
        </ul>
      )}

      <div className="template-editor">
        <div className="template-editor__form">
          <TemplateForm
            library={data}
            draft={draft}
            problems={problems}
            editingName={editing?.name ?? null}
            busy={change.running}
            onChange={setDraft}
            uploadFile={api.uploadTemplateFile}
            onAttach={(attachment) => setDraft((current) => ({ ...current, attachment }))}
            onSubmit={() => void save()}
            onCancel={resetForm}
          />
          <AdminError error={part === 'templates' ? change.error : null} testId="admin-error" />
        </div>
        <TemplatePreviewPanel
          text={draft.text}
          chats={chats.data}
          chatsError={chats.error}
          conversationId={previewChat}
          onChooseChat={setChosenChat}
          preview={api.previewTemplate}
        />
      </div>

      <TemplateVariables
        variables={workspaceVariables(data)}
        busy={change.running}
        error={part === 'variables' ? change.error : null}
        onSet={async (name, value) =>
          (await run('variables', () =>
            api.setTemplateVariable(name, variableValueRequest(value)),
          )) === true
        }
        onRemove={(name) => void run('variables', () => api.removeTemplateVariable(name))}
      />
    </AdminPanel>
  );
}
