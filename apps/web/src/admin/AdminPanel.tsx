import type { ReactNode } from 'react';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/I18nProvider';

/**
 * One admin screen: its title and introduction, then its content once the data it shows has
 * loaded (a loading note, or the load error with Retry, before that).
 */
export function AdminPanel(props: {
  testId: string;
  title: string;
  intro: string;
  loaded: boolean;
  loadError: unknown;
  onRetry: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="admin-panel" data-testid={props.testId}>
      <h2 className="admin-panel__title">{props.title}</h2>
      <p className="admin-panel__intro muted">{props.intro}</p>
      {props.loadError !== undefined && (
        <p className="panel-error" role="alert">
          {t('error.loadFailed', { message: describeError(props.loadError, t) })}{' '}
          <button type="button" className="link-button" onClick={props.onRetry}>
            {t('action.retry')}
          </button>
        </p>
      )}
      {props.loaded ? (
        props.children
      ) : props.loadError === undefined ? (
        <p className="muted" role="status">
          {t('admin.loading')}
        </p>
      ) : null}
    </section>
  );
}
