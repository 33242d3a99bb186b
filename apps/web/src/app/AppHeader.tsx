import type { User } from '@parley/contracts';
import type { LiveStatus } from '../api/live-socket';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageToggle } from '../i18n/LanguageToggle';

/** The top bar: product name, live connection, the signed-in manager, language, sign out. */
export function AppHeader(props: { user: User; liveStatus: LiveStatus; onSignOut: () => void }) {
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
