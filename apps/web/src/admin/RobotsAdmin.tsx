import type { RobotRuleView } from '@parley/contracts';
import { useEffect, useMemo, useReducer, useState } from 'react';
import type { AdminApi } from '../api/admin-api';
import { useResource } from '../api/use-resource';
import { useI18n } from '../i18n/I18nProvider';
import { AdminError } from './AdminError';
import { AdminPanel } from './AdminPanel';
import { rulesInOrder } from './robot-rules';
import { ruleNames } from './robot-summary';
import { RuleForm } from './RuleForm';
import {
  EMPTY_RULE_FORM,
  ruleDefinition,
  ruleForm,
  ruleFormProblems,
  type RuleForm as RuleFormState,
} from './rule-form-model';
import type { RulePickers } from './rule-pickers';
import { RuleRow } from './RuleRow';
import { useAdminAction } from './use-admin-action';

/** Which part of the screen the last change was made in: its error is shown there. */
type Part = 'list' | 'form';

/** The gateway accepts a change (202) before the list shows it: look again a moment later. */
const FOLLOW_UP_RELOAD_MS = 1000;

/**
 * The robots' rules (issue 13, A1/A2/A4): the rules in the order they are checked, each with
 * what it does in one line, on/off, edit, delete and its last runs; the form to create or change
 * one, with the tags, stages, users and templates to pick from.
 */
export function RobotsAdmin(props: { api: AdminApi }) {
  const { api } = props;
  const { t } = useI18n();
  const [tick, reload] = useReducer((n: number) => n + 1, 0);
  const rules = useResource(() => api.robotRules(), 'robot-rules', tick);
  const pipeline = useResource(() => api.pipeline(), 'robot-pipeline', 0);
  const catalogue = useResource(() => api.tagCatalogue(), 'robot-tags', 0);
  const users = useResource(() => api.users().then((list) => list.users), 'robot-users', 0);
  const library = useResource(() => api.templateLibrary(), 'robot-templates', 0);

  const [editing, setEditing] = useState<RobotRuleView | null>(null);
  const [start, setStart] = useState<RuleFormState>(EMPTY_RULE_FORM);
  const [form, setForm] = useState<RuleFormState>(EMPTY_RULE_FORM);
  const [formKey, nextFormKey] = useReducer((n: number) => n + 1, 0);
  const [part, setPart] = useState<Part>('form');
  // What this screen last set a rule's on/off to: the list may lag behind the accepted change.
  const [enabledSet, setEnabledSet] = useState<Readonly<Record<string, boolean>>>({});

  const change = useAdminAction(
    (request: () => Promise<unknown>) => request().then(() => true),
    () => {
      reload();
      setTimeout(reload, FOLLOW_UP_RELOAD_MS);
    },
  );
  const run = (where: Part, request: () => Promise<unknown>) => {
    setPart(where);
    return change.run(request);
  };

  const names = useMemo(
    () => ruleNames(pipeline.data, users.data, library.data),
    [pipeline.data, users.data, library.data],
  );
  const pickers: RulePickers = useMemo(
    () => ({
      stages: pipeline.data?.stages ?? [],
      tags: catalogue.data?.tags.map((tag) => tag.name) ?? [],
      users: users.data ?? [],
      templates: library.data?.templates ?? [],
      names,
    }),
    [pipeline.data, catalogue.data, users.data, library.data, names],
  );

  // Once the list agrees with what was set here, it is the list that says.
  useEffect(() => {
    if (!rules.data) return;
    const listed = new Map(rules.data.map((rule) => [rule.ruleId, rule.enabled]));
    setEnabledSet((set) => {
      const kept = Object.entries(set).filter(
        ([ruleId, enabled]) => listed.get(ruleId) !== enabled && listed.has(ruleId),
      );
      return kept.length === Object.keys(set).length ? set : Object.fromEntries(kept);
    });
  }, [rules.data]);

  const problems = ruleFormProblems(form);
  const list = rulesInOrder(rules.data);

  const openForm = (rule: RobotRuleView | null) => {
    const next = rule === null ? EMPTY_RULE_FORM : ruleForm(rule.definition, rule.enabled);
    setEditing(rule);
    setStart(next);
    setForm(next);
    nextFormKey();
  };
  const save = async () => {
    if (problems.length > 0) return;
    const definition = ruleDefinition(form);
    const target = editing;
    const done = await run('form', () =>
      target === null
        ? api.createRobotRule(definition, form.enabled)
        : api.updateRobotRule(target.ruleId, definition),
    );
    if (done) openForm(null);
  };
  const toggle = async (rule: RobotRuleView, enabled: boolean) => {
    const done = await run('list', () =>
      enabled ? api.enableRobotRule(rule.ruleId) : api.disableRobotRule(rule.ruleId),
    );
    if (done) setEnabledSet((set) => ({ ...set, [rule.ruleId]: enabled }));
  };
  const remove = async (rule: RobotRuleView) => {
    const done = await run('list', () => api.deleteRobotRule(rule.ruleId));
    if (done && editing?.ruleId === rule.ruleId) openForm(null);
  };

  return (
    <AdminPanel
      testId="admin-robots"
      title={t('admin.section.robots')}
      intro={t('admin.robots.intro')}
      loaded={rules.data !== undefined}
      loadError={rules.error}
      onRetry={reload}
    >
      <h3 className="admin-subtitle">{t('admin.robots.list')}</h3>
      {list.length === 0 ? (
        <p className="muted" data-testid="rule-list-empty">
          {t('admin.robots.empty')}
        </p>
      ) : (
        <ol className="admin-list" data-testid="rule-list">
          {list.map((rule) => (
            <RuleRow
              key={rule.ruleId}
              rule={rule}
              enabled={enabledSet[rule.ruleId] ?? rule.enabled}
              names={names}
              busy={change.running}
              editing={editing?.ruleId === rule.ruleId}
              onToggle={(enabled) => void toggle(rule, enabled)}
              onEdit={() => openForm(rule)}
              onDelete={() => void remove(rule)}
            />
          ))}
        </ol>
      )}
      <AdminError error={part === 'list' ? change.error : null} testId="admin-error" />

      <RuleForm
        key={formKey}
        form={form}
        problems={problems}
        pickers={pickers}
        editingName={editing?.name ?? null}
        dirty={form !== start}
        busy={change.running}
        onChange={setForm}
        onSubmit={() => void save()}
        onCancel={() => openForm(null)}
      />
      <AdminError error={part === 'form' ? change.error : null} testId="admin-error" />
    </AdminPanel>
  );
}
