import type { ChatListItem, TemplatePreview } from '@parley/contracts';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';
import { variableList } from './template-hints';
import { useTemplatePreview } from './use-template-preview';

/**
 * Beside the template form: the draft's text as the client of a chosen chat would get it,
 * rendered by the gateway as the typing pauses, with the variables it does not know named.
 */
export function TemplatePreviewPanel(props: {
  text: string;
  chats: readonly ChatListItem[] | undefined;
  chatsError: unknown;
  conversationId: string | null;
  onChooseChat: (conversationId: string) => void;
  preview: (text: string, conversationId: string) => Promise<TemplatePreview>;
}) {
  const { t } = useI18n();
  const state = useTemplatePreview(props.preview, props.text, props.conversationId);
  const shown = state.status === 'ready' || state.status === 'loading' ? state.preview : null;
  const unknown = shown?.unknownVariables ?? [];
  const chats = props.chats;

  return (
    <aside className="template-preview-panel" aria-label={t('admin.templates.preview')}>
      <h3 className="admin-subtitle">{t('admin.templates.preview')}</h3>
      {chats !== undefined && chats.length === 0 ? (
        <p className="muted">{t('admin.templates.previewNoChats')}</p>
      ) : (
        <label className="admin-field">
          <span>{t('admin.templates.previewChat')}</span>
          <select
            className="admin-input"
            data-testid="template-preview-chat"
            value={props.conversationId ?? ''}
            disabled={chats === undefined}
            onChange={(event) => props.onChooseChat(event.target.value)}
          >
            {chats === undefined && <option value="">{t('admin.loading')}</option>}
            {chats?.map((chat) => (
              <option key={chat._id} value={chat._id}>
                {chat.contact.name}
                {chat.contact.username ? ` (@${chat.contact.username})` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {props.chatsError !== undefined && (
        <p className="admin-error" role="alert">
          {t('error.loadFailed', { message: describeError(props.chatsError, t) })}
        </p>
      )}
      <div
        className="template-preview"
        data-testid="template-preview"
        data-state={state.status}
        aria-live="polite"
      >
        {state.status === 'failed' || props.text.trim() === '' ? '' : (shown?.rendered ?? '')}
      </div>
      {props.text.trim() === '' && (
        <p className="admin-hint">{t('admin.templates.previewEmpty')}</p>
      )}
      {state.status === 'loading' && shown === null && (
        <p className="admin-hint" role="status">
          {t('admin.templates.previewing')}
        </p>
      )}
      {state.status === 'failed' && (
        <p className="admin-error" role="alert" data-testid="template-preview-error">
          {t('admin.templates.previewFailed', { message: describeError(state.error, t) })}
        </p>
      )}
      {state.status !== 'failed' && props.text.trim() !== '' && unknown.length > 0 && (
        <p className="admin-hint admin-hint--problem" data-testid="template-unknown-variables">
          {t('admin.templates.previewUnknown', { names: variableList(unknown) })}
        </p>
      )}
    </aside>
  );
}
