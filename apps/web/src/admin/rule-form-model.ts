import type {
  RuleAction,
  RuleActionKind,
  RuleCondition,
  RuleConditionKind,
  RuleDefinition,
  RuleTrigger,
  RuleTriggerKind,
} from '@parley/contracts';
import {
  CLOCK_TIME,
  MAX_ACTIONS,
  MAX_CONDITIONS,
  MAX_DELAY_MINUTES,
  RULE_NAME_MAX,
} from './robot-rules';

/*
 * The rule form as typed (A4) and its conversion to and from a RuleDefinition: lists are typed
 * comma-separated, numbers as text; every part keeps all its fields, the kind says which count.
 */

export const RULE_CONDITION_KINDS = [
  'tags',
  'stage',
  'line',
  'channel',
  'language',
  'country',
  'source',
  'campaign',
  'text_matches',
  'time',
] as const satisfies readonly RuleConditionKind[];

export const RULE_ACTION_KINDS = [
  'change_stage',
  'add_tag',
  'remove_tag',
  'set_line',
  'assign_manager',
  'assign_round_robin',
  'send_template',
  'create_task',
  'add_note',
  'archive',
  'pin',
] as const satisfies readonly RuleActionKind[];

/** The condition kinds whose value is a comma-separated list typed in one field. */
export const LIST_CONDITION_KINDS = [
  'tags',
  'channel',
  'language',
  'country',
  'source',
  'campaign',
] as const satisfies readonly RuleConditionKind[];
type ListConditionKind = (typeof LIST_CONDITION_KINDS)[number];

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface TriggerForm {
  readonly kind: RuleTriggerKind;
  /** Comma-separated. */
  readonly keywords: string;
  readonly pattern: string;
  readonly tag: string;
  /** A stage id; empty: any stage. */
  readonly stage: string;
  /** A conversion type; empty: any. */
  readonly conversionType: string;
  readonly minutes: string;
}

export interface ConditionForm {
  readonly kind: RuleConditionKind;
  readonly match: 'any' | 'all' | 'none';
  /** The comma-separated values of a list kind (tags, channels, languages ...). */
  readonly values: string;
  /** Stage ids. */
  readonly stages: readonly string[];
  readonly line: 1 | 2;
  readonly pattern: string;
  readonly from: string;
  readonly to: string;
  readonly weekdays: readonly number[];
}

export interface ActionForm {
  readonly kind: RuleActionKind;
  readonly stage: string;
  readonly tag: string;
  readonly line: 1 | 2;
  readonly managerId: string;
  readonly managerIds: readonly string[];
  readonly templateId: string;
  readonly description: string;
  readonly dueInMinutes: string;
  readonly text: string;
}

export interface RuleForm {
  readonly name: string;
  readonly trigger: TriggerForm;
  readonly conditions: readonly ConditionForm[];
  readonly actions: readonly ActionForm[];
  /** For a new rule: whether it runs at once. */
  readonly enabled: boolean;
}

export const emptyTrigger = (kind: RuleTriggerKind): TriggerForm => ({
  kind,
  keywords: '',
  pattern: '',
  tag: '',
  stage: '',
  conversionType: '',
  minutes: kind === 'no_manager_reply' ? '15' : '',
});

export const emptyCondition = (kind: RuleConditionKind): ConditionForm => ({
  kind,
  match: 'any',
  values: '',
  stages: [],
  line: 1,
  pattern: '',
  from: kind === 'time' ? '09:00' : '',
  to: kind === 'time' ? '18:00' : '',
  weekdays: kind === 'time' ? [1, 2, 3, 4, 5] : [],
});

export const emptyAction = (kind: RuleActionKind): ActionForm => ({
  kind,
  stage: '',
  tag: '',
  line: 1,
  managerId: '',
  managerIds: [],
  templateId: '',
  description: '',
  dueInMinutes: kind === 'create_task' ? '60' : '',
  text: '',
});

export const EMPTY_RULE_FORM: RuleForm = {
  name: '',
  trigger: emptyTrigger('message_received'),
  conditions: [],
  actions: [],
  enabled: true,
};

/** A comma-separated list as its entries: trimmed, empty ones dropped. */
export const splitList = (typed: string): string[] =>
  typed
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

export const joinList = (list: readonly string[]): string => list.join(', ');

/** A whole number typed in a field; NaN when it is not one. */
const wholeNumber = (typed: string): number => {
  const trimmed = typed.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
};

const isListKind = (kind: RuleConditionKind): kind is ListConditionKind =>
  (LIST_CONDITION_KINDS as readonly string[]).includes(kind);

export const ruleTrigger = (form: TriggerForm): RuleTrigger => {
  switch (form.kind) {
    case 'message_received':
    case 'first_message':
    case 'task_overdue':
      return { kind: form.kind };
    case 'keyword':
      return { kind: form.kind, keywords: splitList(form.keywords) };
    case 'pattern':
      return { kind: form.kind, pattern: form.pattern.trim() };
    case 'tag_added':
    case 'tag_removed':
      return { kind: form.kind, tag: form.tag.trim() };
    case 'stage_changed':
      return { kind: form.kind, stage: form.stage === '' ? null : form.stage };
    case 'conversion_recorded':
      return {
        kind: form.kind,
        conversionType: form.conversionType === '' ? null : form.conversionType,
      };
    case 'no_manager_reply':
      return { kind: form.kind, minutes: wholeNumber(form.minutes) };
    default: {
      const _exhaustive: never = form.kind;
      return _exhaustive;
    }
  }
};

export const ruleCondition = (form: ConditionForm): RuleCondition => {
  const values = splitList(form.values);
  switch (form.kind) {
    case 'tags':
      return { kind: form.kind, match: form.match, tags: values };
    case 'stage':
      return { kind: form.kind, stages: [...form.stages] };
    case 'line':
      return { kind: form.kind, line: form.line };
    case 'channel':
      return { kind: form.kind, channels: values };
    case 'language':
      return { kind: form.kind, languages: values };
    case 'country':
      return { kind: form.kind, countries: values };
    case 'source':
      return { kind: form.kind, sources: values };
    case 'campaign':
      return { kind: form.kind, campaigns: values };
    case 'text_matches':
      return { kind: form.kind, pattern: form.pattern.trim() };
    case 'time':
      return {
        kind: form.kind,
        from: form.from.trim(),
        to: form.to.trim(),
        weekdays: [...form.weekdays].sort((a, b) => a - b),
      };
    default: {
      const _exhaustive: never = form.kind;
      return _exhaustive;
    }
  }
};

export const ruleAction = (form: ActionForm): RuleAction => {
  switch (form.kind) {
    case 'change_stage':
      return { kind: form.kind, stage: form.stage };
    case 'add_tag':
    case 'remove_tag':
      return { kind: form.kind, tag: form.tag.trim() };
    case 'set_line':
      return { kind: form.kind, line: form.line };
    case 'assign_manager':
      return { kind: form.kind, managerId: form.managerId };
    case 'assign_round_robin':
      return { kind: form.kind, managerIds: [...form.managerIds] };
    case 'send_template':
      return { kind: form.kind, templateId: form.templateId };
    case 'create_task':
      return {
        kind: form.kind,
        description: form.description.trim(),
        dueInMinutes: wholeNumber(form.dueInMinutes),
      };
    case 'add_note':
      return { kind: form.kind, text: form.text.trim() };
    case 'archive':
    case 'pin':
      return { kind: form.kind };
    default: {
      const _exhaustive: never = form.kind;
      return _exhaustive;
    }
  }
};

/** The form as the definition the gateway takes. */
export const ruleDefinition = (form: RuleForm): RuleDefinition => ({
  name: form.name.trim(),
  trigger: ruleTrigger(form.trigger),
  conditions: form.conditions.map(ruleCondition),
  actions: form.actions.map(ruleAction),
});

export const triggerForm = (trigger: RuleTrigger): TriggerForm => {
  const empty = emptyTrigger(trigger.kind);
  switch (trigger.kind) {
    case 'keyword':
      return { ...empty, keywords: joinList(trigger.keywords) };
    case 'pattern':
      return { ...empty, pattern: trigger.pattern };
    case 'tag_added':
    case 'tag_removed':
      return { ...empty, tag: trigger.tag };
    case 'stage_changed':
      return { ...empty, stage: trigger.stage ?? '' };
    case 'conversion_recorded':
      return { ...empty, conversionType: trigger.conversionType ?? '' };
    case 'no_manager_reply':
      return { ...empty, minutes: String(trigger.minutes) };
    default:
      return empty;
  }
};

const conditionValues = (condition: RuleCondition): readonly string[] | null => {
  switch (condition.kind) {
    case 'tags':
      return condition.tags;
    case 'channel':
      return condition.channels;
    case 'language':
      return condition.languages;
    case 'country':
      return condition.countries;
    case 'source':
      return condition.sources;
    case 'campaign':
      return condition.campaigns;
    default:
      return null;
  }
};

export const conditionForm = (condition: RuleCondition): ConditionForm => {
  const empty = emptyCondition(condition.kind);
  const values = conditionValues(condition);
  const form = values === null ? empty : { ...empty, values: joinList(values) };
  switch (condition.kind) {
    case 'tags':
      return { ...form, match: condition.match };
    case 'stage':
      return { ...form, stages: [...condition.stages] };
    case 'line':
      return { ...form, line: condition.line };
    case 'text_matches':
      return { ...form, pattern: condition.pattern };
    case 'time':
      return {
        ...form,
        from: condition.from,
        to: condition.to,
        weekdays: [...condition.weekdays],
      };
    default:
      return form;
  }
};

export const actionForm = (action: RuleAction): ActionForm => {
  const empty = emptyAction(action.kind);
  switch (action.kind) {
    case 'change_stage':
      return { ...empty, stage: action.stage };
    case 'add_tag':
    case 'remove_tag':
      return { ...empty, tag: action.tag };
    case 'set_line':
      return { ...empty, line: action.line };
    case 'assign_manager':
      return { ...empty, managerId: action.managerId };
    case 'assign_round_robin':
      return { ...empty, managerIds: [...action.managerIds] };
    case 'send_template':
      return { ...empty, templateId: action.templateId };
    case 'create_task':
      return {
        ...empty,
        description: action.description,
        dueInMinutes: String(action.dueInMinutes),
      };
    case 'add_note':
      return { ...empty, text: action.text };
    default:
      return empty;
  }
};

/** A rule's definition in the form, to change it. */
export const ruleForm = (definition: RuleDefinition, enabled = true): RuleForm => ({
  name: definition.name,
  trigger: triggerForm(definition.trigger),
  conditions: definition.conditions.map(conditionForm),
  actions: definition.actions.map(actionForm),
  enabled,
});

/** What is wrong with a field, shown next to it. */
export type RuleFormProblemCode =
  | 'required'
  | 'too-long'
  | 'keywords-empty'
  | 'minutes-range'
  | 'clock'
  | 'same-time'
  | 'weekdays-empty'
  | 'values-empty'
  | 'stages-empty'
  | 'choose'
  | 'managers-empty'
  | 'due-invalid'
  | 'no-actions'
  | 'too-many-actions'
  | 'too-many-conditions';

export interface RuleFormProblem {
  /** As the gateway names it: `name`, `trigger.keywords`, `conditions[0].from`, `actions` ... */
  readonly field: string;
  readonly code: RuleFormProblemCode;
}

const blank = (typed: string): boolean => typed.trim() === '';

const triggerProblems = (form: TriggerForm): RuleFormProblem[] => {
  switch (form.kind) {
    case 'keyword':
      return splitList(form.keywords).length === 0
        ? [{ field: 'trigger.keywords', code: 'keywords-empty' }]
        : [];
    case 'pattern':
      return blank(form.pattern) ? [{ field: 'trigger.pattern', code: 'required' }] : [];
    case 'tag_added':
    case 'tag_removed':
      return blank(form.tag) ? [{ field: 'trigger.tag', code: 'required' }] : [];
    case 'no_manager_reply': {
      const minutes = wholeNumber(form.minutes);
      return minutes >= 1 && minutes <= MAX_DELAY_MINUTES
        ? []
        : [{ field: 'trigger.minutes', code: 'minutes-range' }];
    }
    default:
      return [];
  }
};

const conditionProblems = (form: ConditionForm, index: number): RuleFormProblem[] => {
  const field = `conditions[${index}]`;
  if (isListKind(form.kind)) {
    return splitList(form.values).length === 0
      ? [{ field: `${field}.values`, code: 'values-empty' }]
      : [];
  }
  switch (form.kind) {
    case 'stage':
      return form.stages.length === 0 ? [{ field: `${field}.stages`, code: 'stages-empty' }] : [];
    case 'text_matches':
      return blank(form.pattern) ? [{ field: `${field}.pattern`, code: 'required' }] : [];
    case 'time': {
      const problems: RuleFormProblem[] = [];
      for (const key of ['from', 'to'] as const) {
        if (!CLOCK_TIME.test(form[key].trim())) {
          problems.push({ field: `${field}.${key}`, code: 'clock' });
        }
      }
      if (problems.length === 0 && form.from.trim() === form.to.trim()) {
        problems.push({ field: `${field}.to`, code: 'same-time' });
      }
      if (form.weekdays.length === 0) {
        problems.push({ field: `${field}.weekdays`, code: 'weekdays-empty' });
      }
      return problems;
    }
    default:
      return [];
  }
};

const actionProblems = (form: ActionForm, index: number): RuleFormProblem[] => {
  const field = `actions[${index}]`;
  switch (form.kind) {
    case 'change_stage':
      return form.stage === '' ? [{ field: `${field}.stage`, code: 'choose' }] : [];
    case 'add_tag':
    case 'remove_tag':
      return blank(form.tag) ? [{ field: `${field}.tag`, code: 'required' }] : [];
    case 'assign_manager':
      return form.managerId === '' ? [{ field: `${field}.managerId`, code: 'choose' }] : [];
    case 'assign_round_robin':
      return form.managerIds.length === 0
        ? [{ field: `${field}.managerIds`, code: 'managers-empty' }]
        : [];
    case 'send_template':
      return form.templateId === '' ? [{ field: `${field}.templateId`, code: 'choose' }] : [];
    case 'create_task': {
      const due = wholeNumber(form.dueInMinutes);
      return [
        ...(blank(form.description)
          ? [{ field: `${field}.description`, code: 'required' as const }]
          : []),
        ...(due >= 0 ? [] : [{ field: `${field}.dueInMinutes`, code: 'due-invalid' as const }]),
      ];
    }
    case 'add_note':
      return blank(form.text) ? [{ field: `${field}.text`, code: 'required' }] : [];
    default:
      return [];
  }
};

/**
 * Why the gateway would refuse the form, field by field (empty when it would not): the robots'
 * obvious checks (a name, at least one action, keywords, delays within a week, HH:MM times).
 * Whether a pattern is one RE2 accepts is left to the gateway, whose message is shown.
 */
export const ruleFormProblems = (form: RuleForm): RuleFormProblem[] => [
  ...(blank(form.name)
    ? [{ field: 'name', code: 'required' as const }]
    : form.name.trim().length > RULE_NAME_MAX
      ? [{ field: 'name', code: 'too-long' as const }]
      : []),
  ...triggerProblems(form.trigger),
  ...(form.conditions.length > MAX_CONDITIONS
    ? [{ field: 'conditions', code: 'too-many-conditions' as const }]
    : []),
  ...form.conditions.flatMap(conditionProblems),
  ...(form.actions.length === 0
    ? [{ field: 'actions', code: 'no-actions' as const }]
    : form.actions.length > MAX_ACTIONS
      ? [{ field: 'actions', code: 'too-many-actions' as const }]
      : []),
  ...form.actions.flatMap(actionProblems),
];

/** The problem of one field, or null. */
export const problemOf = (
  problems: readonly RuleFormProblem[],
  field: string,
): RuleFormProblemCode | null => problems.find((problem) => problem.field === field)?.code ?? null;
