import type { User } from '@parley/contracts';
import { useI18n } from '../i18n/I18nProvider';
import { CardEditError } from './CardEditError';
import { useCardAction } from './use-card-action';

/**
 * Who answers for the client (R1). The gateway lists no users yet, so a manager takes the client
 * or lets go of them; another manager shows by id.
 */
export function ResponsibleManagerPicker(props: {
  managerId: string | null;
  currentUser: Pick<User, 'id' | 'name'> | null;
  onSet: (managerId: string | null) => Promise<void>;
}) {
  const { t } = useI18n();
  const set = useCardAction(props.onSet);
  const { managerId, currentUser } = props;
  const mine = currentUser !== null && managerId === currentUser.id;
  const who =
    managerId === null
      ? t('card.value.unassigned')
      : mine
        ? t('card.responsible.you', { name: currentUser.name })
        : managerId;
  return (
    <div className="card-edit">
      <span data-testid="card-responsible" data-manager-id={managerId ?? ''}>
        {who}
      </span>
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
