import { useI18n } from '../i18n/I18nProvider';
import { MAX_ACTIONS, MAX_CONDITIONS, MAX_DELAY_MINUTES, RULE_NAME_MAX } from './robot-rules';
import type { RuleFormProblemCode } from './rule-form-model';

const MAX_OF: Partial<Readonly<Record<RuleFormProblemCode, number>>> = {
  'too-long': RULE_NAME_MAX,
  'minutes-range': MAX_DELAY_MINUTES,
  'too-many-actions': MAX_ACTIONS,
  'too-many-conditions': MAX_CONDITIONS,
};

/** What is wrong with one field of the rule form, under it; nothing when it is fine. */
export function RuleProblemHint(props: { field: string; code: RuleFormProblemCode | null }) {
  const { t } = useI18n();
  if (props.code === null) return null;
  return (
    <span
      className="admin-hint admin-hint--problem"
      data-testid="rule-hint"
      data-field={props.field}
    >
      {t(`admin.robots.problem.${props.code}`, { max: MAX_OF[props.code] ?? '' })}
    </span>
  );
}
