import type { ChatStatus } from '@parley/contracts';
import type { JSX } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { AlertIcon, BellIcon, CheckIcon, DotIcon, DoubleCheckIcon } from '../icons/Icon';

const icons: Record<ChatStatus, () => JSX.Element> = {
  new_message: DotIcon,
  new_system_notification: BellIcon,
  sent: CheckIcon,
  error: AlertIcon,
  read: DoubleCheckIcon,
};

/**
 * A chat's status (L5): an icon for the eye, the status in words for screen readers, and the
 * machine key in data-status for tests.
 */
export function StatusBadge(props: { status: ChatStatus }) {
  const { t } = useI18n();
  const StatusIcon = icons[props.status];
  const label = t(`chatStatus.${props.status}`);
  return (
    <span
      className={`status-badge status-badge--${props.status}`}
      data-testid="chat-status"
      data-status={props.status}
      title={label}
    >
      <StatusIcon />
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
