import type { RuleActionKind } from '@parley/contracts';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { emptyAction, RULE_ACTION_KINDS, type ActionForm } from './rule-form-model';
import {
  RULE_TAG_LIST_ID,
  selectedValues,
  stageOptions,
  templateOptions,
  userOptions,
  type RulePickers,
} from './rule-pickers';

/** One action of a rule: its kind, the fields of that kind, and Remove. */
export function RuleActionFields(props: {
  action: ActionForm;
  index: number;
  pickers: RulePickers;
  hint: (field: string) => ReactNode;
  onChange: (action: ActionForm) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const { action, hint, pickers } = props;
  const field = `actions[${props.index}]`;
  const set = (patch: Partial<ActionForm>) => props.onChange({ ...action, ...patch });
  const kind = action.kind;

  return (
    <li className="rule-form__item" data-testid="rule-action" data-kind={kind}>
      <div className="rule-form__fields">
        <label className="admin-field">
          <span>{t('admin.robots.actionKind')}</span>
          <select
            className="admin-input"
            data-testid="rule-action-kind"
            value={kind}
            onChange={(event) => props.onChange(emptyAction(event.target.value as RuleActionKind))}
          >
            {RULE_ACTION_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`admin.robots.action.${option}`)}
              </option>
            ))}
          </select>
        </label>

        {kind === 'change_stage' && (
          <label className="admin-field">
            <span>{t('admin.robots.stage')}</span>
            <select
              className="admin-input"
              data-testid="rule-action-stage"
              value={action.stage}
              onChange={(event) => set({ stage: event.target.value })}
            >
              <option value="" disabled>
                {t('admin.robots.chooseStage')}
              </option>
              {stageOptions(pickers, [action.stage]).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            {hint(`${field}.stage`)}
          </label>
        )}

        {(kind === 'add_tag' || kind === 'remove_tag') && (
          <label className="admin-field">
            <span>{t('admin.robots.tag')}</span>
            <input
              className="admin-input"
              data-testid="rule-action-tag"
              list={RULE_TAG_LIST_ID}
              value={action.tag}
              onChange={(event) => set({ tag: event.target.value })}
            />
            {hint(`${field}.tag`)}
          </label>
        )}

        {kind === 'set_line' && (
          <label className="admin-field admin-field--narrow">
            <span>{t('admin.robots.line')}</span>
            <select
              className="admin-input"
              data-testid="rule-action-line"
              value={action.line}
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

        {kind === 'assign_manager' && (
          <label className="admin-field">
            <span>{t('admin.robots.manager')}</span>
            <select
              className="admin-input"
              data-testid="rule-action-manager"
              value={action.managerId}
              onChange={(event) => set({ managerId: event.target.value })}
            >
              <option value="" disabled>
                {t('admin.robots.chooseManager')}
              </option>
              {userOptions(pickers, [action.managerId]).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            {hint(`${field}.managerId`)}
          </label>
        )}

        {kind === 'assign_round_robin' && (
          <label className="admin-field">
            <span>{t('admin.robots.managers')}</span>
            <select
              multiple
              className="admin-input rule-form__multi"
              data-testid="rule-action-managers"
              value={[...action.managerIds]}
              onChange={(event) => set({ managerIds: selectedValues(event.target) })}
            >
              {userOptions(pickers, action.managerIds).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            {hint(`${field}.managerIds`)}
          </label>
        )}

        {kind === 'send_template' && (
          <label className="admin-field admin-field--wide">
            <span>{t('admin.robots.template')}</span>
            <select
              className="admin-input"
              data-testid="rule-action-template"
              value={action.templateId}
              onChange={(event) => set({ templateId: event.target.value })}
            >
              <option value="" disabled>
                {t('admin.robots.chooseTemplate')}
              </option>
              {templateOptions(pickers, [action.templateId]).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            {hint(`${field}.templateId`)}
          </label>
        )}

        {kind === 'create_task' && (
          <>
            <label className="admin-field admin-field--wide">
              <span>{t('admin.robots.taskDescription')}</span>
              <input
                className="admin-input"
                data-testid="rule-action-description"
                value={action.description}
                onChange={(event) => set({ description: event.target.value })}
              />
              {hint(`${field}.description`)}
            </label>
            <label className="admin-field admin-field--narrow">
              <span>{t('admin.robots.dueInMinutes')}</span>
              <input
                className="admin-input"
                type="number"
                min={0}
                step={1}
                data-testid="rule-action-due"
                value={action.dueInMinutes}
                onChange={(event) => set({ dueInMinutes: event.target.value })}
              />
              {hint(`${field}.dueInMinutes`)}
            </label>
          </>
        )}

        {kind === 'add_note' && (
          <label className="admin-field admin-field--wide">
            <span>{t('admin.robots.note')}</span>
            <textarea
              className="admin-input rule-form__note"
              data-testid="rule-action-note"
              rows={2}
              value={action.text}
              onChange={(event) => set({ text: event.target.value })}
            />
            {hint(`${field}.text`)}
          </label>
        )}
      </div>
      <button
        type="button"
        className="button button--ghost button--small"
        data-testid="rule-action-remove"
        onClick={props.onRemove}
      >
        {t('admin.robots.removeAction')}
      </button>
    </li>
  );
}
