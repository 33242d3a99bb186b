import type { Actor, TimelineAction } from '@parley/contracts';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/I18nProvider';
import { actionText } from './action-text';

/** An action on the timeline as one small centred line: "Contact created by system". */
export function ActionLine(props: {
  action: TimelineAction;
  actor: Actor;
  at: string;
  currentUserId: string | null;
}) {
  const { t, language } = useI18n();
  return (
    <div
      className="timeline__row timeline__row--action"
      data-testid="timeline-item"
      data-kind="action"
      data-action={props.action.action}
    >
      <span className="action-line" title={formatDateTime(props.at, language)}>
        {actionText(props.action, props.actor, props.currentUserId, t)}
      </span>
    </div>
  );
}
