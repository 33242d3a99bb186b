import type { User } from '@parley/contracts';
import { adminHash, MESSENGER_HASH, type ScreenRoute } from '../admin/admin-route';
import type { LiveStatus } from '../api/live-socket';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageToggle } from '../i18n/LanguageToggle';

/**
 * The top bar: product name, live connection, for an admin the way to the admin screens and
 * back, the signed-in user, language, sign out.
 */
export function AppHeader(props: {
  user: User;
  view: ScreenRoute['view'];
  liveStatus: LiveStatus;
  onSignOut: () => void;
}) {
  const { t } = useI18n();
  const live = props.liveStatus === 'open';
  return (
    <header className="app-header">
      <span className="app-header__brand">{t('app.name')}</span>
      <span
        className={`live-indicator${live ? ' live-indicator--open' : ''}`}
        data-testid="live-status"
        data-status={props.liveStatus}
      >
        {live ? t('app.live.connected') : t('app.live.reconnecting')}
      </span>
      <span className="app-header__spacer" />
      {props.user.role === 'admin' &&
        (props.view === 'admin' ? (
          <a className="button button--ghost" href={MESSENGER_HASH} data-testid="header-messenger">
            {t('admin.backToMessenger')}
          </a>
        ) : (
          <a className="button button--ghost" href={adminHash()} data-testid="header-admin">
            {t('admin.open')}
          </a>
        ))}
      <span className="app-header__user" data-testid="current-user">
        {props.user.name}
      </span>
      <LanguageToggle />
      <button type="button" className="button button--ghost" onClick={props.onSignOut}>
        {t('app.signOut')}
      </button>
    </header>
  );
}
