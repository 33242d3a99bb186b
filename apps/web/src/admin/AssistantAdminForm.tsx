import { useState, type FormEvent } from 'react';
import type { TranslationSettingsView } from '@parley/contracts';
import type { AdminApi } from '../api/admin-api';
import { useI18n } from '../i18n/I18nProvider';
import { AdminError } from './AdminError';
import { ConfirmButton } from './ConfirmButton';
import {
  assistantProblem,
  assistantRequest,
  EMPTY_ASSISTANT_FORM,
  type AssistantForm,
} from './translation-settings';
import { useAdminAction } from './use-admin-action';

/**
 * The AI assistant (B5, B7): an OpenAI-compatible endpoint, its model and key. The key is
 * write-only: the server never shows it back, so the field starts empty and saving replaces it.
 */
export function AssistantAdminForm(props: {
  api: AdminApi;
  assistant: TranslationSettingsView['assistant'];
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<AssistantForm>(EMPTY_ASSISTANT_FORM);
  const [done, setDone] = useState<'saved' | 'removed' | null>(null);
  const save = useAdminAction(
    (request: ReturnType<typeof assistantRequest>) =>
      props.api.setAssistant(request).then(() => true),
    props.onSaved,
  );
  const remove = useAdminAction(() => props.api.removeAssistant().then(() => true), props.onSaved);
  const problem = assistantProblem(form);
  const busy = save.running || remove.running;

  const edit = (field: keyof AssistantForm, value: string) => {
    setDone(null);
    setForm((current) => ({ ...current, [field]: value }));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem !== null) return;
    setDone(null);
    if (await save.run(assistantRequest(form))) {
      // The key is not kept on screen once stored.
      setForm(EMPTY_ASSISTANT_FORM);
      setDone('saved');
    }
  };

  const onRemove = async () => {
    setDone(null);
    if (await remove.run()) setDone('removed');
  };

  return (
    <section className="admin-assistant" data-testid="admin-assistant">
      <h3 className="admin-subtitle">{t('admin.assistant.title')}</h3>
      <p className="muted">{t('admin.assistant.intro')}</p>
      <p
        data-testid="admin-assistant-current"
        data-configured={props.assistant.configured ? 'true' : 'false'}
      >
        {props.assistant.configured
          ? t('admin.assistant.configured', { model: props.assistant.model ?? '?' })
          : t('admin.assistant.unset')}
      </p>
      <form className="admin-form admin-form--grid" onSubmit={(event) => void onSubmit(event)}>
        <label className="admin-field admin-field--wide">
          <span>{t('admin.assistant.endpoint')}</span>
          <input
            className="admin-input"
            data-testid="admin-assistant-endpoint"
            type="url"
            placeholder="https://api.openai.com/v1"
            value={form.endpoint}
            maxLength={2000}
            onChange={(event) => edit('endpoint', event.target.value)}
          />
        </label>
        <label className="admin-field">
          <span>{t('admin.assistant.model')}</span>
          <input
            className="admin-input"
            data-testid="admin-assistant-model"
            placeholder="gpt-4o-mini"
            value={form.model}
            maxLength={200}
            onChange={(event) => edit('model', event.target.value)}
          />
        </label>
        <label className="admin-field">
          <span>{t('admin.assistant.key')}</span>
          <input
            className="admin-input"
            data-testid="admin-assistant-key"
            type="password"
            autoComplete="off"
            value={form.apiKey}
            maxLength={2000}
            onChange={(event) => edit('apiKey', event.target.value)}
          />
          <span className="admin-hint">{t('admin.assistant.key.hint')}</span>
        </label>
        <div className="admin-form__submit">
          <button
            type="submit"
            className="button button--primary button--small"
            data-testid="admin-assistant-save"
            disabled={busy || problem !== null}
          >
            {save.running ? t('admin.saving') : t('admin.assistant.save')}
          </button>
          {props.assistant.configured && (
            <ConfirmButton
              label={t('admin.assistant.remove')}
              question={t('admin.assistant.remove.question')}
              testId="admin-assistant-remove"
              disabled={busy}
              onConfirm={() => void onRemove()}
            />
          )}
        </div>
      </form>
      {problem === 'endpoint' && form.endpoint.trim() !== '' && (
        <p className="admin-hint admin-hint--problem">{t('admin.assistant.endpoint.invalid')}</p>
      )}
      <AdminError error={save.error ?? remove.error} testId="admin-assistant-error" />
      {done !== null && (
        <p className="admin-note" role="status" data-testid="admin-assistant-done">
          {done === 'saved' ? t('admin.assistant.saved') : t('admin.assistant.removed')}
        </p>
      )}
    </section>
  );
}
