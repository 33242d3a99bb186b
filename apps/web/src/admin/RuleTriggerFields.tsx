import type { RuleTriggerKind } from '@parley/contracts';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { CONVERSION_TYPES, MAX_DELAY_MINUTES, RULE_TRIGGER_KINDS } from './robot-rules';
import { emptyTrigger, type TriggerForm } from './rule-form-model';
import { RULE_TAG_LIST_ID, stageOptions, type RulePickers } from './rule-pickers';

/** The rule's trigger: its kind, then the fields of that kind. */
export function RuleTriggerFields(props: {
  trigger: TriggerForm;
  pickers: RulePickers;
  hint: (field: string) => ReactNode;
  onChange: (trigger: TriggerForm) => void;
}) {
  const { t } = useI18n();
  const { trigger, hint } = props;
  const set = (patch: Partial<TriggerForm>) => props.onChange({ ...trigger, ...patch });

  return (
    <div className="rule-form__fields">
      <label className="admin-field">
        <span>{t('admin.robots.triggerKind')}</span>
        <select
          className="admin-input"
          data-testid="rule-trigger-kind"
          value={trigger.kind}
          onChange={(event) => props.onChange(emptyTrigger(event.target.value as RuleTriggerKind))}
        >
          {RULE_TRIGGER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`admin.robots.trigger.${kind}`)}
            </option>
          ))}
        </select>
      </label>

      {trigger.kind === 'keyword' && (
        <label className="admin-field admin-field--wide">
          <span>{t('admin.robots.keywords')}</span>
          <input
            className="admin-input"
            data-testid="rule-trigger-keywords"
            placeholder={t('admin.robots.keywordsPlaceholder')}
            value={trigger.keywords}
            onChange={(event) => set({ keywords: event.target.value })}
          />
          {hint('trigger.keywords')}
        </label>
      )}

      {trigger.kind === 'pattern' && (
        <label className="admin-field admin-field--wide">
          <span>{t('admin.robots.pattern')}</span>
          <input
            className="admin-input rule-form__code"
            data-testid="rule-trigger-pattern"
            placeholder={t('admin.robots.patternPlaceholder')}
            spellCheck={false}
            value={trigger.pattern}
            onChange={(event) => set({ pattern: event.target.value })}
          />
          {hint('trigger.pattern')}
        </label>
      )}

      {(trigger.kind === 'tag_added' || trigger.kind === 'tag_removed') && (
        <label className="admin-field">
          <span>{t('admin.robots.tag')}</span>
          <input
            className="admin-input"
            data-testid="rule-trigger-tag"
            list={RULE_TAG_LIST_ID}
            value={trigger.tag}
            onChange={(event) => set({ tag: event.target.value })}
          />
          {hint('trigger.tag')}
        </label>
      )}

      {trigger.kind === 'stage_changed' && (
        <label className="admin-field">
          <span>{t('admin.robots.stage')}</span>
          <select
            className="admin-input"
            data-testid="rule-trigger-stage"
            value={trigger.stage}
            onChange={(event) => set({ stage: event.target.value })}
          >
            <option value="">{t('admin.robots.anyStage')}</option>
            {stageOptions(props.pickers, [trigger.stage]).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      )}

      {trigger.kind === 'conversion_recorded' && (
        <label className="admin-field">
          <span>{t('admin.robots.conversionType')}</span>
          <select
            className="admin-input"
            data-testid="rule-trigger-conversion"
            value={trigger.conversionType}
            onChange={(event) => set({ conversionType: event.target.value })}
          >
            <option value="">{t('admin.robots.anyConversion')}</option>
            {CONVERSION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`admin.robots.conversion.${type}`)}
              </option>
            ))}
            {trigger.conversionType !== '' &&
              !(CONVERSION_TYPES as readonly string[]).includes(trigger.conversionType) && (
                <option value={trigger.conversionType}>{trigger.conversionType}</option>
              )}
          </select>
        </label>
      )}

      {trigger.kind === 'no_manager_reply' && (
        <label className="admin-field admin-field--narrow">
          <span>{t('admin.robots.minutes')}</span>
          <input
            className="admin-input"
            type="number"
            min={1}
            max={MAX_DELAY_MINUTES}
            step={1}
            data-testid="rule-trigger-minutes"
            value={trigger.minutes}
            onChange={(event) => set({ minutes: event.target.value })}
          />
          {hint('trigger.minutes')}
        </label>
      )}
    </div>
  );
}
