import type { TaskOnCard } from '@parley/contracts';
import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/I18nProvider';
import { CardEditError } from './CardEditError';
import { browserTimeZone, dueAtIn, localDateTimeIn } from './card-tasks';
import type { TaskEdits } from './TasksSection';
import { useCardAction } from './use-card-action';

/** One task (R4): done or undone, a new due time; overdue ones stand out. */
export function TaskItem(props: {
  task: TaskOnCard;
  overdue: boolean;
  assigneeName: string;
  edits: TaskEdits;
}) {
  const { t, language } = useI18n();
  const { task } = props;
  const toggle = useCardAction(() =>
    task.status === 'open'
      ? props.edits.completeTask(task.taskId)
      : props.edits.reopenTask(task.taskId),
  );
  const reschedule = useCardAction((dueAt: string, timeZone: string) =>
    props.edits.rescheduleTask(task.taskId, { dueAt, timeZone }),
  );
  const [newDue, setNewDue] = useState<string | null>(null);
  const done = task.status === 'done';

  const onReschedule = async (event: FormEvent) => {
    event.preventDefault();
    const timeZone = browserTimeZone();
    const dueAt = newDue === null ? null : dueAtIn(newDue, timeZone);
    if (dueAt === null) return;
    if (await reschedule.run(dueAt, timeZone)) setNewDue(null);
  };

  return (
    <li
      className={`card-task${props.overdue ? ' card-task--overdue' : ''}${done ? ' card-task--done' : ''}`}
      data-testid="card-task"
      data-task-id={task.taskId}
      data-status={task.status}
      data-overdue={props.overdue}
    >
      <span className="card-task__description">{task.description}</span>
      <span className="card-task__meta">
        <time dateTime={task.dueAt} data-testid="card-task-due" title={task.timeZone}>
          {formatDateTime(task.dueAt, language)}
        </time>
        {props.overdue && (
          <strong className="card-task__overdue" data-testid="card-task-overdue">
            {t('card.tasks.overdue')}
          </strong>
        )}
        <span data-testid="card-task-assignee">{props.assigneeName}</span>
      </span>
      <span className="card-edit__buttons">
        <button
          type="button"
          className="link-button"
          data-testid={done ? 'card-task-reopen' : 'card-task-complete'}
          disabled={toggle.running}
          onClick={() => void toggle.run()}
        >
          {done ? t('card.tasks.reopen') : t('card.tasks.complete')}
        </button>
        {!done && newDue === null && (
          <button
            type="button"
            className="link-button"
            data-testid="card-task-reschedule"
            onClick={() => setNewDue(localDateTimeIn(task.dueAt, browserTimeZone()))}
          >
            {t('card.tasks.reschedule')}
          </button>
        )}
      </span>
      {newDue !== null && (
        <form className="card-form__inline" onSubmit={(event) => void onReschedule(event)}>
          <input
            type="datetime-local"
            className="card-edit__input"
            data-testid="card-task-new-due"
            aria-label={t('card.tasks.due')}
            value={newDue}
            required
            disabled={reschedule.running}
            onChange={(event) => setNewDue(event.target.value)}
          />
          <button
            type="submit"
            className="button button--small"
            data-testid="card-task-reschedule-save"
            disabled={reschedule.running || dueAtIn(newDue, browserTimeZone()) === null}
          >
            {reschedule.running ? t('card.edit.saving') : t('card.tasks.save')}
          </button>
          <button
            type="button"
            className="link-button"
            disabled={reschedule.running}
            onClick={() => setNewDue(null)}
          >
            {t('card.edit.cancel')}
          </button>
        </form>
      )}
      <CardEditError error={toggle.error} testId="card-task-error" />
      <CardEditError error={reschedule.error} testId="card-task-reschedule-error" />
    </li>
  );
}
