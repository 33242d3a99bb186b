import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { MAX_ACTIONS, MAX_CONDITIONS, RULE_NAME_MAX } from './robot-rules';
import { RuleActionFields } from './RuleActionFields';
import { RuleConditionFields } from './RuleConditionFields';
import {
  emptyAction,
  emptyCondition,
  problemOf,
  type RuleForm as RuleFormState,
  type RuleFormProblem,
} from './rule-form-model';
import { RuleProblemHint } from './RuleProblemHint';
import { RULE_TAG_LIST_ID, type RulePickers } from './rule-pickers';
import { RuleTriggerFields } from './RuleTriggerFields';

/**
 * Create or change a robot's rule (A1, A4): its name; when (the trigger and its fields); if (the
 * conditions, all of which must hold); then (the actions, in order). What is wrong is shown
 * beside its field once the form was changed or a save was tried.
 */
export function RuleForm(props: {
  form: RuleFormState;
  problems: readonly RuleFormProblem[];
  pickers: RulePickers;
  /** The name of the rule being changed; null for a new one. */
  editingName: string | null;
  /** Whether the form differs from what it started as. */
  dirty: boolean;
  busy: boolean;
  onChange: (form: RuleFormState) => void;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { form, problems, pickers } = props;
  const [tried, setTried] = useState(false);
  const showProblems = tried || props.dirty;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problems.length === 0) props.onSubmit();
  };

  const hint = (field: string): ReactNode =>
    showProblems ? <RuleProblemHint field={field} code={problemOf(problems, field)} /> : null;

  return (
    <form className="rule-form" onSubmit={onSubmit} data-testid="rule-form" noValidate>
      <h3 className="admin-subtitle">
        {props.editingName === null
          ? t('admin.robots.new')
          : t('admin.robots.editing', { name: props.editingName })}
      </h3>
      <datalist id={RULE_TAG_LIST_ID}>
        {pickers.tags.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>

      <label className="admin-field admin-field--wide">
        <span>{t('admin.robots.name')}</span>
        <input
          className="admin-input"
          data-testid="rule-name"
          placeholder={t('admin.robots.namePlaceholder')}
          value={form.name}
          maxLength={RULE_NAME_MAX + 20}
          onChange={(event) => props.onChange({ ...form, name: event.target.value })}
        />
        {hint('name')}
      </label>

      <fieldset className="rule-form__part">
        <legend className="rule-form__legend">{t('admin.robots.when')}</legend>
        <RuleTriggerFields
          trigger={form.trigger}
          pickers={pickers}
          hint={hint}
          onChange={(trigger) => props.onChange({ ...form, trigger })}
        />
      </fieldset>

      <fieldset className="rule-form__part">
        <legend className="rule-form__legend">{t('admin.robots.conditions')}</legend>
        {form.conditions.length === 0 && (
          <p className="admin-hint">{t('admin.robots.noConditions')}</p>
        )}
        <ol className="rule-form__items">
          {form.conditions.map((condition, index) => (
            <RuleConditionFields
              // Conditions have no id of their own, and their fields keep no state: the place.
              key={index}
              condition={condition}
              index={index}
              pickers={pickers}
              hint={hint}
              onChange={(next) =>
                props.onChange({
                  ...form,
                  conditions: form.conditions.map((c, i) => (i === index ? next : c)),
                })
              }
              onRemove={() =>
                props.onChange({
                  ...form,
                  conditions: form.conditions.filter((_, i) => i !== index),
                })
              }
            />
          ))}
        </ol>
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="rule-add-condition"
          disabled={form.conditions.length >= MAX_CONDITIONS}
          onClick={() =>
            props.onChange({ ...form, conditions: [...form.conditions, emptyCondition('tags')] })
          }
        >
          {t('admin.robots.addCondition')}
        </button>
        {hint('conditions')}
      </fieldset>

      <fieldset className="rule-form__part">
        <legend className="rule-form__legend">{t('admin.robots.actions')}</legend>
        {form.actions.length === 0 && <p className="admin-hint">{t('admin.robots.noActions')}</p>}
        <ol className="rule-form__items">
          {form.actions.map((action, index) => (
            <RuleActionFields
              // Actions have no id of their own, and their fields keep no state: the place.
              key={index}
              action={action}
              index={index}
              pickers={pickers}
              hint={hint}
              onChange={(next) =>
                props.onChange({
                  ...form,
                  actions: form.actions.map((a, i) => (i === index ? next : a)),
                })
              }
              onRemove={() =>
                props.onChange({ ...form, actions: form.actions.filter((_, i) => i !== index) })
              }
            />
          ))}
        </ol>
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="rule-add-action"
          disabled={form.actions.length >= MAX_ACTIONS}
          onClick={() =>
            props.onChange({ ...form, actions: [...form.actions, emptyAction('add_tag')] })
          }
        >
          {t('admin.robots.addAction')}
        </button>
        {hint('actions')}
      </fieldset>

      {props.editingName === null && (
        <label className="admin-check">
          <input
            type="checkbox"
            data-testid="rule-enabled"
            checked={form.enabled}
            onChange={(event) => props.onChange({ ...form, enabled: event.target.checked })}
          />
          {t('admin.robots.enabledNew')}
        </label>
      )}

      <div className="admin-form__submit">
        <button
          type="submit"
          className="button button--primary button--small"
          data-testid="rule-save"
          disabled={props.busy}
        >
          {props.busy
            ? t('admin.saving')
            : props.editingName === null
              ? t('admin.create')
              : t('admin.save')}
        </button>
        {(props.dirty || props.editingName !== null) && (
          <button
            type="button"
            className="button button--ghost button--small"
            data-testid="rule-cancel"
            disabled={props.busy}
            onClick={() => {
              setTried(false);
              props.onCancel();
            }}
          >
            {t('admin.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
