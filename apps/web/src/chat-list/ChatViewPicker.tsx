import type { ChatView, SaveChatViewRequest } from '@parley/contracts';
import { useState } from 'react';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';
import {
  chatViewName,
  chatViewSelection,
  matchingChatView,
  type ChatViewSelection,
} from './chat-views';

/** The longest view name offered: it names a tab-like choice, not a note. */
const VIEW_NAME_MAX_LENGTH = 60;

/**
 * Saved views of the chat list (issue 11): the built-in ones ("mine", "unassigned", "line 2")
 * and the user's own. Choosing one sets the tab, the archive toggle and the filters; the
 * current ones can be saved under a name, and an own view deleted.
 */
export function ChatViewPicker(props: {
  views: readonly ChatView[] | undefined;
  shown: ChatViewSelection;
  onChoose: (selection: ChatViewSelection) => void;
  onSave: (view: SaveChatViewRequest) => Promise<void>;
  onDelete: (viewId: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const views = props.views ?? [];
  const current = matchingChatView(views, props.shown);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
      return true;
    } catch (error) {
      setFailure(t('chatViews.failed', { message: describeError(error, t) }));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const trimmed = name.trim();
    if (trimmed === '') return;
    const saved = await run(() =>
      props.onSave({
        name: trimmed,
        tab: props.shown.view.tab,
        archived: props.shown.view.archived,
        filters: props.shown.filters,
      }),
    );
    if (saved) {
      setNaming(false);
      setName('');
    }
  };

  return (
    <div className="chat-views">
      <select
        className="chat-views__select"
        value={current?.viewId ?? ''}
        aria-label={t('chatViews.label')}
        data-testid="chat-view-select"
        onChange={(event) => {
          const chosen = views.find((view) => view.viewId === event.target.value);
          if (chosen) props.onChoose(chatViewSelection(chosen));
        }}
      >
        <option value="" disabled={current !== undefined}>
          {t('chatViews.custom')}
        </option>
        {views.map((view) => (
          <option key={view.viewId} value={view.viewId}>
            {chatViewName(view, t)}
          </option>
        ))}
      </select>
      {current && !current.builtIn && (
        <button
          type="button"
          className="link-button"
          disabled={busy}
          data-testid="chat-view-delete"
          onClick={() => void run(() => props.onDelete(current.viewId))}
        >
          {t('chatViews.delete')}
        </button>
      )}
      {!current && !naming && (
        <button
          type="button"
          className="link-button"
          data-testid="chat-view-save"
          onClick={() => setNaming(true)}
        >
          {t('chatViews.save')}
        </button>
      )}
      {naming && (
        <form
          className="chat-views__name"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <input
            type="text"
            value={name}
            maxLength={VIEW_NAME_MAX_LENGTH}
            placeholder={t('chatViews.namePlaceholder')}
            aria-label={t('chatViews.name')}
            data-testid="chat-view-name"
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
          <button
            type="submit"
            disabled={busy || name.trim() === ''}
            data-testid="chat-view-save-confirm"
          >
            {t('chatViews.saveConfirm')}
          </button>
          <button type="button" className="link-button" onClick={() => setNaming(false)}>
            {t('chatViews.cancel')}
          </button>
        </form>
      )}
      {failure && (
        <span className="panel-error" role="alert">
          {failure}
        </span>
      )}
    </div>
  );
}
