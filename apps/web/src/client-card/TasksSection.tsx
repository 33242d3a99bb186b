import type {
  ClientCard,
  CreateTaskRequest,
  RescheduleTaskRequest,
  User,
  WorkspaceUserView,
} from '@parley/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { isTaskOverdue, tasksInOrder } from './card-tasks';
import { TaskForm } from './TaskForm';
import { TaskItem } from './TaskItem';
import { useMinuteClock } from './use-minute-clock';

/** What a manager does with the conversation's tasks (R4). */
export interface TaskEdits {
  readonly createTask: (request: CreateTaskRequest) => Promise<void>;
  readonly completeTask: (taskId: string) => Promise<void>;
  readonly reopenTask: (taskId: string) => Promise<void>;
  readonly rescheduleTask: (taskId: string, request: RescheduleTaskRequest) => Promise<void>;
}

/** The conversation's tasks (R4): open ones soonest first, overdue ones highlighted; a form to add. */
export function TasksSection(props: {
  tasks: ClientCard['tasks'];
  users: readonly WorkspaceUserView[] | undefined;
  currentUser: Pick<User, 'id' | 'name'> | null;
  edits: TaskEdits;
}) {
  const { t } = useI18n();
  const now = useMinuteClock();
  const tasks = tasksInOrder(props.tasks);
  const nameOf = (id: string): string =>
    props.users?.find((user) => user.id === id)?.name ??
    (props.currentUser?.id === id ? props.currentUser.name : id);
  return (
    <section className="client-card__section" data-testid="card-tasks">
      <h3 className="panel-title">{t('card.tasks.title')}</h3>
      {tasks.length === 0 ? (
        <p className="panel-note">{t('card.tasks.none')}</p>
      ) : (
        <ul className="card-list">
          {tasks.map((task) => (
            <TaskItem
              key={task.taskId}
              task={task}
              overdue={isTaskOverdue(task, now)}
              assigneeName={nameOf(task.assigneeId)}
              edits={props.edits}
            />
          ))}
        </ul>
      )}
      <TaskForm
        users={props.users}
        currentUser={props.currentUser}
        onCreate={props.edits.createTask}
      />
    </section>
  );
}
