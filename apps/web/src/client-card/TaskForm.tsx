import type { CreateTaskRequest, User, WorkspaceUserView } from '@parley/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { CardEditError } from './CardEditError';
import { browserTimeZone, dueAtIn } from './card-tasks';
import { useCardAction } from './use-card-action';

interface TaskDraft {
  readonly description: string;
  readonly due: string;
  /** '' for the manager adding it. */
  readonly assigneeId: string;
}

const EMPTY: TaskDraft = { description: '', due: '', assigneeId: '' };

const sameDraft = (a: TaskDraft, b: TaskDraft): boolean =>
  a.description === b.description && a.due === b.due && a.assigneeId === b.assigneeId;

/**
 * A new task (R4): description, due date and time in the browser's time zone, assignee (the
 * manager adding it unless another is chosen). The task id is kept while the same task is sent
 * again, so a retried click creates one task.
 */
export function TaskForm(props: {
  users: readonly WorkspaceUserView[] | undefined;
  currentUser: Pick<User, 'id' | 'name'> | null;
  onCreate: (request: CreateTaskRequest) => Promise<void>;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<TaskDraft>(EMPTY);
  const attempt = useRef<{ draft: TaskDraft; taskId: string } | null>(null);
  const create = useCardAction(props.onCreate);
  const timeZone = browserTimeZone();
  const dueAt = dueAtIn(draft.due, timeZone);
  const ready = draft.description.trim() !== '' && dueAt !== null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || dueAt === null) return;
    const taskId =
      attempt.current && sameDraft(attempt.current.draft, draft)
        ? attempt.current.taskId
        : crypto.randomUUID();
    attempt.current = { draft, taskId };
    const request: CreateTaskRequest = {
      taskId,
      description: draft.description.trim(),
      dueAt,
      timeZone,
      ...(draft.assigneeId === '' ? {} : { assigneeId: draft.assigneeId }),
    };
    if (await create.run(request)) {
      attempt.current = null;
      setDraft(EMPTY);
    }
  };

  return (
    <form
      className="card-form"
      data-testid="card-task-form"
      onSubmit={(event) => void onSubmit(event)}
    >
      <input
        className="card-edit__input"
        data-testid="card-task-description"
        aria-label={t('card.tasks.description')}
        placeholder={t('card.tasks.descriptionPlaceholder')}
        maxLength={500}
        value={draft.description}
        disabled={create.running}
        onChange={(event) => setDraft({ ...draft, description: event.target.value })}
      />
      <label className="card-form__row">
        <span className="card-form__label">{t('card.tasks.due')}</span>
        <input
          type="datetime-local"
          className="card-edit__input"
          data-testid="card-task-due-input"
          value={draft.due}
          disabled={create.running}
          onChange={(event) => setDraft({ ...draft, due: event.target.value })}
        />
      </label>
      <label className="card-form__row">
        <span className="card-form__label">{t('card.tasks.assignee')}</span>
        <select
          className="card-edit__select"
          data-testid="card-task-assignee-select"
          value={draft.assigneeId}
          disabled={create.running}
          onChange={(event) => setDraft({ ...draft, assigneeId: event.target.value })}
        >
          <option value="">
            {props.currentUser
              ? t('card.responsible.you', { name: props.currentUser.name })
              : t('card.tasks.me')}
          </option>
          {(props.users ?? [])
            .filter((user) => user.id !== props.currentUser?.id)
            .map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
        </select>
      </label>
      <span className="muted card-form__hint">{t('card.tasks.timeZone', { timeZone })}</span>
      <button
        type="submit"
        className="button button--small"
        data-testid="card-task-add"
        disabled={create.running || !ready}
      >
        {create.running ? t('card.edit.saving') : t('card.tasks.add')}
      </button>
      <CardEditError error={create.error} testId="card-task-add-error" />
    </form>
  );
}
