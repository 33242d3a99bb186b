import type {
  Pipeline,
  RuleAction,
  RuleActionKind,
  RuleCondition,
  RuleDefinition,
  RuleTrigger,
  TemplateLibraryView,
  WorkspaceUserView,
} from '@parley/contracts';
import type { Translate } from '../i18n/translate';

/** How a rule's ids read: a stage's, a user's, a template's name (the id when unknown). */
export interface RuleNames {
  readonly stage: (stageId: string) => string;
  readonly user: (userId: string) => string;
  readonly template: (templateId: string) => string;
}

/** Ids as they are: where the names are not at hand (the timeline). */
export const RAW_NAMES: RuleNames = { stage: (id) => id, user: (id) => id, template: (id) => id };

/** The names from the pipeline, the workspace's users and its templates, as loaded so far. */
export const ruleNames = (
  pipeline: Pipeline | undefined,
  users: readonly WorkspaceUserView[] | undefined,
  library: TemplateLibraryView | undefined,
): RuleNames => ({
  stage: (id) => pipeline?.stages.find((stage) => stage.stageId === id)?.name ?? id,
  user: (id) => users?.find((user) => user.id === id)?.name ?? id,
  template: (id) => library?.templates.find((template) => template.templateId === id)?.name ?? id,
});

const quoted = (values: readonly string[], t: Translate): string =>
  values
    .map((value) => t('admin.robots.summary.quoted', { value }))
    .join(t('admin.robots.summary.or'));

const either = (values: readonly string[], t: Translate): string =>
  values.join(t('admin.robots.summary.or'));

const list = (values: readonly string[]): string => values.join(', ');

export const triggerSummary = (trigger: RuleTrigger, t: Translate, names: RuleNames): string => {
  switch (trigger.kind) {
    case 'keyword':
      return t('admin.robots.summary.trigger.keyword', { keywords: quoted(trigger.keywords, t) });
    case 'pattern':
      return t('admin.robots.summary.trigger.pattern', { pattern: trigger.pattern });
    case 'tag_added':
    case 'tag_removed':
      return t(`admin.robots.summary.trigger.${trigger.kind}`, { tag: trigger.tag });
    case 'stage_changed':
      return trigger.stage === null
        ? t('admin.robots.summary.trigger.stage_changed.any')
        : t('admin.robots.summary.trigger.stage_changed', { stage: names.stage(trigger.stage) });
    case 'conversion_recorded':
      return trigger.conversionType === 'registration' || trigger.conversionType === 'deposit'
        ? t(`admin.robots.summary.trigger.conversion_recorded.${trigger.conversionType}`)
        : trigger.conversionType === null
          ? t('admin.robots.summary.trigger.conversion_recorded')
          : t('admin.robots.summary.trigger.conversion_recorded.other', {
              type: trigger.conversionType,
            });
    case 'no_manager_reply':
      return t('admin.robots.summary.trigger.no_manager_reply', { minutes: trigger.minutes });
    default:
      return t(`admin.robots.summary.trigger.${trigger.kind}`);
  }
};

/** Weekdays 1 (Monday) … 7, short: `Mon, Tue`; every day and working days in a word. */
const weekdays = (days: readonly number[], t: Translate): string => {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return t('admin.robots.summary.everyDay');
  if (sorted.join() === '1,2,3,4,5') return t('admin.robots.summary.workdays');
  return list(
    sorted.map((day) =>
      day >= 1 && day <= 7
        ? t(`admin.robots.weekday.${day as 1 | 2 | 3 | 4 | 5 | 6 | 7}`)
        : String(day),
    ),
  );
};

export const conditionSummary = (
  condition: RuleCondition,
  t: Translate,
  names: RuleNames,
): string => {
  switch (condition.kind) {
    case 'tags':
      return t(`admin.robots.summary.condition.tags.${condition.match}`, {
        tags: list(condition.tags),
      });
    case 'stage':
      return t('admin.robots.summary.condition.stage', {
        stages: either(condition.stages.map(names.stage), t),
      });
    case 'line':
      return t('admin.robots.summary.condition.line', { line: condition.line });
    case 'channel':
      return t('admin.robots.summary.condition.channel', { values: either(condition.channels, t) });
    case 'language':
      return t('admin.robots.summary.condition.language', {
        values: either(condition.languages, t),
      });
    case 'country':
      return t('admin.robots.summary.condition.country', {
        values: either(condition.countries, t),
      });
    case 'source':
      return t('admin.robots.summary.condition.source', { values: either(condition.sources, t) });
    case 'campaign':
      return t('admin.robots.summary.condition.campaign', {
        values: either(condition.campaigns, t),
      });
    case 'text_matches':
      return t('admin.robots.summary.condition.text_matches', { pattern: condition.pattern });
    case 'time':
      return t('admin.robots.summary.condition.time', {
        from: condition.from,
        to: condition.to,
        days: weekdays(condition.weekdays, t),
      });
    default: {
      const _exhaustive: never = condition;
      return _exhaustive;
    }
  }
};

export const actionSummary = (action: RuleAction, t: Translate, names: RuleNames): string => {
  switch (action.kind) {
    case 'change_stage':
      return t('admin.robots.summary.action.change_stage', { stage: names.stage(action.stage) });
    case 'add_tag':
    case 'remove_tag':
      return t(`admin.robots.summary.action.${action.kind}`, { tag: action.tag });
    case 'set_line':
      return t('admin.robots.summary.action.set_line', { line: action.line });
    case 'assign_manager':
      return t('admin.robots.summary.action.assign_manager', {
        manager: names.user(action.managerId),
      });
    case 'assign_round_robin':
      return t('admin.robots.summary.action.assign_round_robin', {
        managers: list(action.managerIds.map(names.user)),
      });
    case 'send_template':
      return t('admin.robots.summary.action.send_template', {
        template: names.template(action.templateId),
      });
    case 'create_task':
      return t('admin.robots.summary.action.create_task', {
        description: action.description,
        minutes: action.dueInMinutes,
      });
    case 'add_note':
      return t('admin.robots.summary.action.add_note', { text: action.text });
    case 'archive':
    case 'pin':
      return t(`admin.robots.summary.action.${action.kind}`);
    default: {
      const _exhaustive: never = action;
      return _exhaustive;
    }
  }
};

/** What a rule does, in one line: `change stage to In progress, add tag price-asked`. */
export const actionsSummary = (
  actions: readonly RuleAction[],
  t: Translate,
  names: RuleNames = RAW_NAMES,
): string =>
  actions.length === 0
    ? t('admin.robots.summary.nothing')
    : list(actions.map((action) => actionSummary(action, t, names)));

/**
 * A rule in one plain line: `When a message has “price”, if tags any of VIP: change stage to
 * In progress, add tag price-asked`.
 */
export const ruleSummary = (
  definition: RuleDefinition,
  t: Translate,
  names: RuleNames = RAW_NAMES,
): string => {
  const trigger = triggerSummary(definition.trigger, t, names);
  const actions = actionsSummary(definition.actions, t, names);
  if (definition.conditions.length === 0) {
    return t('admin.robots.summary.rule', { trigger, actions });
  }
  const conditions = definition.conditions
    .map((condition) => conditionSummary(condition, t, names))
    .join(t('admin.robots.summary.and'));
  return t('admin.robots.summary.ruleIf', { trigger, conditions, actions });
};

type FieldType = 'string' | 'strings' | 'int' | 'line';

/** The fields of each action kind (as the contracts' rule shape has them). */
const ACTION_FIELDS: Readonly<Record<RuleActionKind, Readonly<Record<string, FieldType>>>> = {
  change_stage: { stage: 'string' },
  add_tag: { tag: 'string' },
  remove_tag: { tag: 'string' },
  set_line: { line: 'line' },
  assign_manager: { managerId: 'string' },
  assign_round_robin: { managerIds: 'strings' },
  send_template: { templateId: 'string' },
  create_task: { description: 'string', dueInMinutes: 'int' },
  add_note: { text: 'string' },
  archive: {},
  pin: {},
};

const fits = (type: FieldType, value: unknown): boolean => {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'strings':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'int':
      return Number.isSafeInteger(value);
    case 'line':
      return value === 1 || value === 2;
  }
};

const isRuleAction = (value: unknown): value is RuleAction => {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const kind = record['kind'];
  if (typeof kind !== 'string' || !Object.hasOwn(ACTION_FIELDS, kind)) return false;
  return Object.entries(ACTION_FIELDS[kind as RuleActionKind]).every(([name, type]) =>
    fits(type, record[name]),
  );
};

/** Untrusted JSON (a timeline item's details) as rule actions; null unless every one is one. */
export const ruleActionsOf = (value: unknown): RuleAction[] | null =>
  Array.isArray(value) && value.every(isRuleAction) ? value : null;
