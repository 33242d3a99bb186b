import type { RuleConditionKind } from '@parley/contracts';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import {
  emptyCondition,
  LIST_CONDITION_KINDS,
  RULE_CONDITION_KINDS,
  WEEKDAYS,
  type ConditionForm,
} from './rule-form-model';
import { selectedValues, stageOptions, type RulePickers } from './rule-pickers';

type ListKind = (typeof LIST_CONDITION_KINDS)[number];
const isListKind = (kind: RuleConditionKind): kind is ListKind =>
  (LIST_CONDITION_KINDS as readonly string[]).includes(kind);

/** One condition of a rule: its kind, the fields of that kind, and Remove. */
export function RuleConditionFields(props: {
  condition: ConditionForm;
  index: number;
  pickers: RulePickers;
  hint: (field: string) => ReactNode;
  onChange: (condition: ConditionForm) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const { condition, hint } = props;
  const field = `conditions[${props.index}]`;
  const set = (patch: Partial<ConditionForm>) => props.onChange({ ...condition, ...patch });
  const kind = condition.kind;

  return (
    <li className="rule-form__item" data-testid="rule-condition" data-kind={kind}>
      <div className="rule-form__fields">
        <label className="admin-field">
          <span>{t('admin.robots.conditionKind')}</span>
          <select
            className="admin-input"
            data-testid="rule-condition-kind"
            value={kind}
            onChange={(event) =>
              props.onChange(emptyCondition(event.target.value as RuleConditionKind))
            }
          >
            {RULE_CONDITION_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`admin.robots.condition.${option}`)}
              </option>
            ))}
          </select>
        </label>

        {kind === 'tags' && (
          <label className="admin-field admin-field--narrow">
            <span>{t('admin.robots.match')}</span>
            <select
              className="admin-input"
              data-testid="rule-condition-match"
              value={condition.match}
              onChange={(event) => set({ match: event.target.value as ConditionForm['match'] })}
            >
              {(['any', 'all', 'none'] as const).map((match) => (
                <option key={match} value={match}>
                  {t(`admin.robots.match.${match}`)}
                </option>
              ))}
            </select>
          </label>
        )}

        {isListKind(kind) && (
          <label className="admin-field admin-field--wide">
            <span>{t(`admin.robots.values.${kind}`)}</span>
            <input
              className="admin-input"
              data-testid="rule-condition-values"
              value={condition.values}
              onChange={(event) => set({ values: event.target.value })}
            />
            {hint(`${field}.values`)}
          </label>
        )}

        {kind === 'stage' && (
          <label className="admin-field">
            <span>{t('admin.robots.stages')}</span>
            <select
              multiple
              className="admin-input rule-form__multi"
              data-testid="rule-condition-stages"
              value={[...condition.stages]}
              onChange={(event) => set({ stages: selectedValues(event.target) })}
            >
              {stageOptions(props.pickers, condition.stages).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            {hint(`${field}.stages`)}
          </label>
        )}

        {kind === 'line' && (
          <label className="admin-field admin-field--narrow">
            <span>{t('admin.robots.line')}</span>
            <select
              className="admin-input"
              data-testid="rule-condition-line"
              value={condition.line}
              onChange={(event) => set({ line: event.target.value === '2' ? 2 : 1 })}
            >
              {([1, 2] as const).map((line) => (
                <option key={line} value={line}>
                  {t('admin.robots.lineNumber', { line })}
                </option>
              ))}
            </select>
          </label>
        )}

        {kind === 'text_matches' && (
          <label className="admin-field admin-field--wide">
            <span>{t('admin.robots.pattern')}</span>
            <input
              className="admin-input rule-form__code"
              data-testid="rule-condition-pattern"
              placeholder={t('admin.robots.patternPlaceholder')}
              spellCheck={false}
              value={condition.pattern}
              onChange={(event) => set({ pattern: event.target.value })}
            />
            {hint(`${field}.pattern`)}
          </label>
        )}

        {kind === 'time' && (
          <>
            <label className="admin-field admin-field--narrow">
              <span>{t('admin.robots.from')}</span>
              <input
                className="admin-input rule-form__time"
                data-testid="rule-condition-from"
                placeholder="09:00"
                inputMode="numeric"
                value={condition.from}
                onChange={(event) => set({ from: event.target.value })}
              />
              {hint(`${field}.from`)}
            </label>
            <label className="admin-field admin-field--narrow">
              <span>{t('admin.robots.to')}</span>
              <input
                className="admin-input rule-form__time"
                data-testid="rule-condition-to"
                placeholder="18:00"
                inputMode="numeric"
                value={condition.to}
                onChange={(event) => set({ to: event.target.value })}
              />
              {hint(`${field}.to`)}
            </label>
            <fieldset className="admin-field rule-form__weekdays">
              <legend>{t('admin.robots.weekdays')}</legend>
              <span className="rule-form__weekday-boxes">
                {WEEKDAYS.map((day) => (
                  <label key={day} className="admin-check">
                    <input
                      type="checkbox"
                      data-testid="rule-condition-weekday"
                      data-weekday={day}
                      checked={condition.weekdays.includes(day)}
                      onChange={(event) =>
                        set({
                          weekdays: event.target.checked
                            ? [...condition.weekdays, day].sort((a, b) => a - b)
                            : condition.weekdays.filter((d) => d !== day),
                        })
                      }
                    />
                    {t(`admin.robots.weekday.${day}`)}
                  </label>
                ))}
              </span>
              {hint(`${field}.weekdays`)}
            </fieldset>
          </>
        )}
      </div>
      <button
        type="button"
        className="button button--ghost button--small"
        data-testid="rule-condition-remove"
        onClick={props.onRemove}
      >
        {t('admin.robots.removeCondition')}
      </button>
    </li>
  );
}
