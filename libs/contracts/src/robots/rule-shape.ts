import type { RuleActionKind, RuleConditionKind, RuleTriggerKind } from './rule-definition';

/**
 * Whether untrusted JSON has the shape of a RuleDefinition: each trigger, condition and action
 * kind with its fields of the right types (and no others). What the values mean (patterns RE2
 * accepts, delays within a week) is the robots domain's `ruleProblems`. Decorator-free.
 */

interface ShapeProblem {
  readonly field: string;
  readonly reason: string;
}

type FieldType = 'string' | 'strings' | 'int' | 'line' | 'weekdays' | 'nullable-string' | 'match';

type Shapes<K extends string> = Readonly<Record<K, Readonly<Record<string, FieldType>>>>;

/** Typed by the unions' kinds: a kind added there and not here breaks the build. */
const TRIGGER_FIELDS: Shapes<RuleTriggerKind> = {
  message_received: {},
  first_message: {},
  keyword: { keywords: 'strings' },
  pattern: { pattern: 'string' },
  tag_added: { tag: 'string' },
  tag_removed: { tag: 'string' },
  stage_changed: { stage: 'nullable-string' },
  conversion_recorded: { conversionType: 'nullable-string' },
  no_manager_reply: { minutes: 'int' },
  task_overdue: {},
};

const CONDITION_FIELDS: Shapes<RuleConditionKind> = {
  tags: { match: 'match', tags: 'strings' },
  stage: { stages: 'strings' },
  line: { line: 'line' },
  channel: { channels: 'strings' },
  language: { languages: 'strings' },
  country: { countries: 'strings' },
  source: { sources: 'strings' },
  campaign: { campaigns: 'strings' },
  text_matches: { pattern: 'string' },
  time: { from: 'string', to: 'string', weekdays: 'weekdays' },
};

const ACTION_FIELDS: Shapes<RuleActionKind> = {
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

/** The longest string anywhere in a rule (a note's text, a pattern, a keyword). */
const STRING_MAX = 4096;
const LIST_MAX = 100;

const isString = (v: unknown): v is string => typeof v === 'string' && v.length <= STRING_MAX;

const fits = (type: FieldType, value: unknown): boolean => {
  switch (type) {
    case 'string':
      return isString(value);
    case 'nullable-string':
      return value === null || isString(value);
    case 'strings':
      return Array.isArray(value) && value.length <= LIST_MAX && value.every(isString);
    case 'int':
      return Number.isSafeInteger(value);
    case 'line':
      return value === 1 || value === 2;
    case 'weekdays':
      return Array.isArray(value) && value.length <= 7 && value.every(Number.isSafeInteger);
    case 'match':
      return value === 'any' || value === 'all' || value === 'none';
  }
};

const DESCRIBED: Readonly<Record<FieldType, string>> = {
  string: `a string of at most ${STRING_MAX} characters`,
  'nullable-string': 'a string or null',
  strings: `a list of at most ${LIST_MAX} strings`,
  int: 'a whole number',
  line: '1 or 2',
  weekdays: 'a list of weekday numbers',
  match: 'any, all or none',
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const partProblems = (value: unknown, field: string, shapes: Shapes<string>): ShapeProblem[] => {
  if (!isRecord(value)) return [{ field, reason: 'must be an object with a kind' }];
  const kind = value['kind'];
  const fields = typeof kind === 'string' && Object.hasOwn(shapes, kind) ? shapes[kind] : undefined;
  if (!fields) {
    return [{ field: `${field}.kind`, reason: `must be one of ${Object.keys(shapes).join(', ')}` }];
  }
  const problems: ShapeProblem[] = [];
  for (const [name, type] of Object.entries(fields)) {
    if (!fits(type, value[name])) {
      problems.push({ field: `${field}.${name}`, reason: `must be ${DESCRIBED[type]}` });
    }
  }
  for (const name of Object.keys(value)) {
    if (name !== 'kind' && !Object.hasOwn(fields, name)) {
      problems.push({ field: `${field}.${name}`, reason: `is not a field of ${kind}` });
    }
  }
  return problems;
};

/** The shape problems of a would-be RuleDefinition; empty when it has the shape. */
export const ruleShapeProblems = (value: unknown): ShapeProblem[] => {
  if (!isRecord(value)) return [{ field: 'definition', reason: 'must be an object' }];
  const problems: ShapeProblem[] = [];
  if (!isString(value['name'])) problems.push({ field: 'name', reason: 'must be a string' });
  problems.push(...partProblems(value['trigger'], 'trigger', TRIGGER_FIELDS));
  for (const [list, shapes] of [
    ['conditions', CONDITION_FIELDS],
    ['actions', ACTION_FIELDS],
  ] as const) {
    const items = value[list];
    if (!Array.isArray(items) || items.length > LIST_MAX) {
      problems.push({ field: list, reason: `must be a list of at most ${LIST_MAX}` });
      continue;
    }
    items.forEach((item, i) => problems.push(...partProblems(item, `${list}[${i}]`, shapes)));
  }
  for (const name of Object.keys(value)) {
    if (!['name', 'trigger', 'conditions', 'actions'].includes(name)) {
      problems.push({ field: name, reason: 'is not a field of a rule' });
    }
  }
  return problems;
};
