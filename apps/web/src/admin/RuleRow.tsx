import type { RobotRuleView } from '@parley/contracts';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/I18nProvider';
import { ConfirmButton } from './ConfirmButton';
import { ruleSummary, type RuleNames } from './robot-summary';

/**
 * A robot's rule in the list (A4): its name and what it does in one line, on/off, edit, delete,
 * and its last runs (A2): when, whether it ran or was stopped, and why.
 */
export function RuleRow(props: {
  rule: RobotRuleView;
  /** Whether it runs, as last set here (the list may lag behind an accepted change). */
  enabled: boolean;
  names: RuleNames;
  busy: boolean;
  editing: boolean;
  onToggle: (enabled: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t, language } = useI18n();
  const { rule } = props;
  return (
    <li
      className="admin-row rule-row"
      data-testid="rule-row"
      data-rule-id={rule.ruleId}
      data-enabled={props.enabled ? 'true' : 'false'}
      data-editing={props.editing ? 'true' : undefined}
    >
      <label className="rule-row__toggle">
        <input
          type="checkbox"
          role="switch"
          data-testid="rule-toggle"
          aria-label={t('admin.robots.toggleOf', { name: rule.name })}
          checked={props.enabled}
          disabled={props.busy}
          onChange={(event) => props.onToggle(event.target.checked)}
        />
        <span className="rule-row__state">
          {props.enabled ? t('admin.robots.on') : t('admin.robots.off')}
        </span>
      </label>
      <span className="admin-row__name">
        <strong data-testid="rule-row-name">{rule.name}</strong>
      </span>
      <span className="admin-row__actions">
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="rule-edit"
          aria-label={t('admin.robots.editOf', { name: rule.name })}
          disabled={props.busy}
          onClick={props.onEdit}
        >
          {t('admin.robots.edit')}
        </button>
        <ConfirmButton
          label={t('admin.robots.delete')}
          question={t('admin.robots.deleteConfirm', { name: rule.name })}
          testId="rule-delete"
          disabled={props.busy}
          onConfirm={props.onDelete}
        />
      </span>
      <p className="rule-row__summary" data-testid="rule-summary">
        {ruleSummary(rule.definition, t, props.names)}
      </p>
      <div className="rule-row__runs" data-testid="rule-runs">
        <span className="admin-hint">{t('admin.robots.runs')}:</span>{' '}
        {rule.lastRuns.length === 0 ? (
          <span className="muted">{t('admin.robots.runsNone')}</span>
        ) : (
          <ul className="rule-runs">
            {rule.lastRuns.map((run) => (
              <li
                key={`${run.conversationId}-${run.ranAt}`}
                className="rule-run"
                data-testid="rule-run"
                data-outcome={run.outcome}
              >
                <time dateTime={run.ranAt}>{formatDateTime(run.ranAt, language)}</time>{' '}
                <span className={`rule-run__outcome rule-run__outcome--${run.outcome}`}>
                  {t(`admin.robots.run.${run.outcome}`)}
                </span>
                {run.outcome === 'stopped' && run.reason !== null && (
                  <span className="rule-run__reason" data-testid="rule-run-reason">
                    : {run.reason}
                  </span>
                )}{' '}
                <code className="rule-run__chat muted">{run.conversationId}</code>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
