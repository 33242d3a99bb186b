import type { User, WorkspaceUserView } from '@parley/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { CardEditError } from './CardEditError';
import { useCardAction } from './use-card-action';

/**
 * Who answers for the client (R1): shown by name; a select hands the client to another user of
 * the workspace; "assign to me" and "unassign" stay one click.
 */
export function ResponsibleManagerPicker(props: {
  managerId: string | null;
  currentUser: Pick<User, 'id' | 'name'> | null;
  users: readonly WorkspaceUserView[] | undefined;
  onSet: (managerId: string | null) => Promise<void>;
}) {
  const { t } = useI18n();
  const set = useCardAction(props.onSet);
  const { managerId, currentUser } = props;
  const mine = currentUser !== null && managerId === currentUser.id;
  const name = (id: string): string =>
    props.users?.find((user) => user.id === id)?.name ??
    (currentUser?.id === id ? currentUser.name : id);
  const who =
    managerId === null
      ? t('card.value.unassigned')
      : mine
        ? t('card.responsible.you', { name: currentUser.name })
        : name(managerId);
  const others = (props.users ?? []).filter((user) => user.id !== managerId);
  return (
    <div className="card-edit">
      <span data-testid="card-responsible" data-manager-id={managerId ?? ''}>
        {who}
      </span>
      {others.length > 0 && (
        <select
          className="card-edit__select"
          data-testid="card-responsible-select"
          aria-label={t('card.responsible.assignTo')}
          value=""
          disabled={set.running}
          onChange={(event) => {
            if (event.target.value !== '') void set.run(event.target.value);
          }}
        >
          <option value="">{t('card.responsible.assignTo')}</option>
          {others.map((user) => (
            <option key={user.id} value={user.id}>
              {user.id === currentUser?.id
                ? t('card.responsible.you', { name: user.name })
                : user.name}
            </option>
          ))}
        </select>
      )}
      <span className="card-edit__buttons">
        {currentUser !== null && !mine && (
          <button
            type="button"
            className="link-button"
            data-testid="card-assign-me"
            disabled={set.running}
            onClick={() => void set.run(currentUser.id)}
          >
            {t('card.responsible.assignMe')}
          </button>
        )}
        {managerId !== null && (
          <button
            type="button"
            className="link-button"
            data-testid="card-unassign"
            disabled={set.running}
            onClick={() => void set.run(null)}
          >
            {t('card.responsible.unassign')}
          </button>
        )}
      </span>
      <CardEditError error={set.error} testId="card-responsible-error" />
    </div>
  );
}
