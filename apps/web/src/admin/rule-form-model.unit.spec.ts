import {
  ruleShapeProblems,
  type RuleAction,
  type RuleCondition,
  type RuleDefinition,
} from '@parley/contracts';
import { ruleProblems } from '@parley/robots-domain';
import { RULE_TRIGGER_KINDS } from './robot-rules';
import {
  EMPTY_RULE_FORM,
  emptyAction,
  emptyCondition,
  emptyTrigger,
  joinList,
  problemOf,
  RULE_ACTION_KINDS,
  RULE_CONDITION_KINDS,
  ruleAction,
  ruleCondition,
  ruleDefinition,
  ruleForm,
  ruleFormProblems,
  ruleTrigger,
  splitList,
  type RuleForm,
} from './rule-form-model';

const everyCondition: RuleCondition[] = [
  { kind: 'tags', match: 'none', tags: ['VIP', 'spam'] },
  { kind: 'stage', stages: ['s1', 's2'] },
  { kind: 'line', line: 2 },
  { kind: 'channel', channels: ['telegram'] },
  { kind: 'language', languages: ['en', 'ru'] },
  { kind: 'country', countries: ['DE'] },
  { kind: 'source', sources: ['facebook', 'google'] },
  { kind: 'campaign', campaigns: ['spring'] },
  { kind: 'text_matches', pattern: 'pri(ce|se)' },
  { kind: 'time', from: '22:00', to: '06:30', weekdays: [1, 3, 7] },
];

const everyAction: RuleAction[] = [
  { kind: 'change_stage', stage: 's2' },
  { kind: 'add_tag', tag: 'price-asked' },
  { kind: 'remove_tag', tag: 'cold' },
  { kind: 'set_line', line: 2 },
  { kind: 'assign_manager', managerId: 'u1' },
  { kind: 'assign_round_robin', managerIds: ['u1', 'u2'] },
  { kind: 'send_template', templateId: 't1' },
  { kind: 'create_task', description: 'Call back', dueInMinutes: 30 },
  { kind: 'add_note', text: 'Asked about the price' },
  { kind: 'archive' },
  { kind: 'pin' },
];

const definition = (patch: Partial<RuleDefinition> = {}): RuleDefinition => ({
  name: 'Price question',
  trigger: { kind: 'keyword', keywords: ['price', 'how much'] },
  conditions: everyCondition,
  actions: everyAction.slice(0, 10),
  ...patch,
});

describe('splitList', () => {
  it('given a typed comma list, then its entries trimmed, empty ones dropped', () => {
    expect(splitList(' price ,how much,, ,cost ')).toEqual(['price', 'how much', 'cost']);
    expect(splitList('')).toEqual([]);
    expect(splitList(' , ')).toEqual([]);
    expect(joinList(['a', 'b'])).toBe('a, b');
  });
});

describe('the empty parts', () => {
  it('given each kind, then an empty form of that kind', () => {
    for (const kind of RULE_TRIGGER_KINDS) expect(emptyTrigger(kind).kind).toBe(kind);
    for (const kind of RULE_CONDITION_KINDS) expect(emptyCondition(kind).kind).toBe(kind);
    for (const kind of RULE_ACTION_KINDS) expect(emptyAction(kind).kind).toBe(kind);
  });

  it('given a time condition, then working hours on weekdays to start from', () => {
    expect(ruleCondition(emptyCondition('time'))).toEqual({
      kind: 'time',
      from: '09:00',
      to: '18:00',
      weekdays: [1, 2, 3, 4, 5],
    });
  });

  it('given a new rule, then no conditions, no actions, enabled', () => {
    expect(EMPTY_RULE_FORM).toMatchObject({ name: '', conditions: [], actions: [], enabled: true });
    expect(ruleTrigger(EMPTY_RULE_FORM.trigger)).toEqual({ kind: 'message_received' });
  });
});

describe('form → definition', () => {
  it('given each trigger kind, then only the fields of that kind, lists split, text trimmed', () => {
    const form = {
      ...emptyTrigger('keyword'),
      keywords: ' price, ,how much ',
      pattern: ' a+ ',
      tag: ' VIP ',
      stage: 's1',
      conversionType: 'deposit',
      minutes: ' 30 ',
    };
    expect(ruleTrigger(form)).toEqual({ kind: 'keyword', keywords: ['price', 'how much'] });
    expect(ruleTrigger({ ...form, kind: 'pattern' })).toEqual({ kind: 'pattern', pattern: 'a+' });
    expect(ruleTrigger({ ...form, kind: 'tag_removed' })).toEqual({
      kind: 'tag_removed',
      tag: 'VIP',
    });
    expect(ruleTrigger({ ...form, kind: 'stage_changed' })).toEqual({
      kind: 'stage_changed',
      stage: 's1',
    });
    expect(ruleTrigger({ ...form, kind: 'stage_changed', stage: '' })).toEqual({
      kind: 'stage_changed',
      stage: null,
    });
    expect(ruleTrigger({ ...form, kind: 'conversion_recorded', conversionType: '' })).toEqual({
      kind: 'conversion_recorded',
      conversionType: null,
    });
    expect(ruleTrigger({ ...form, kind: 'no_manager_reply' })).toEqual({
      kind: 'no_manager_reply',
      minutes: 30,
    });
    expect(ruleTrigger({ ...form, kind: 'task_overdue' })).toEqual({ kind: 'task_overdue' });
  });

  it('given list conditions typed with blanks, then the entries only', () => {
    expect(ruleCondition({ ...emptyCondition('language'), values: 'en, , ru,' })).toEqual({
      kind: 'language',
      languages: ['en', 'ru'],
    });
    expect(ruleCondition({ ...emptyCondition('tags'), match: 'all', values: ' VIP ,hot' })).toEqual(
      { kind: 'tags', match: 'all', tags: ['VIP', 'hot'] },
    );
    expect(ruleCondition({ ...emptyCondition('time'), weekdays: [5, 1] })).toMatchObject({
      weekdays: [1, 5],
    });
  });

  it('given actions, then trimmed text and whole minutes', () => {
    expect(ruleAction({ ...emptyAction('add_tag'), tag: ' VIP ' })).toEqual({
      kind: 'add_tag',
      tag: 'VIP',
    });
    expect(
      ruleAction({ ...emptyAction('create_task'), description: ' Call ', dueInMinutes: '45' }),
    ).toEqual({ kind: 'create_task', description: 'Call', dueInMinutes: 45 });
    expect(ruleAction({ ...emptyAction('archive'), tag: 'left over' })).toEqual({
      kind: 'archive',
    });
  });

  it('given a form, then a definition of the shape the contracts accept', () => {
    const form: RuleForm = {
      ...EMPTY_RULE_FORM,
      name: '  Price question ',
      conditions: RULE_CONDITION_KINDS.map(emptyCondition),
      actions: RULE_ACTION_KINDS.map(emptyAction),
    };
    const result = ruleDefinition(form);
    expect(result.name).toBe('Price question');
    expect(ruleShapeProblems(result)).toEqual([]);
  });
});

describe('definition → form → definition', () => {
  it('given a definition with every condition and action kind, then the same definition back', () => {
    const original = definition();
    expect(ruleDefinition(ruleForm(original))).toEqual(original);
    const rest = definition({ actions: everyAction.slice(10) });
    expect(ruleDefinition(ruleForm(rest))).toEqual(rest);
  });

  it('given each trigger kind, then the same trigger back', () => {
    const triggers: RuleDefinition['trigger'][] = [
      { kind: 'message_received' },
      { kind: 'first_message' },
      { kind: 'keyword', keywords: ['price'] },
      { kind: 'pattern', pattern: '\\d{3}' },
      { kind: 'tag_added', tag: 'VIP' },
      { kind: 'tag_removed', tag: 'VIP' },
      { kind: 'stage_changed', stage: null },
      { kind: 'stage_changed', stage: 's1' },
      { kind: 'conversion_recorded', conversionType: null },
      { kind: 'conversion_recorded', conversionType: 'registration' },
      { kind: 'no_manager_reply', minutes: 10080 },
      { kind: 'task_overdue' },
    ];
    for (const trigger of triggers) {
      const original = definition({ trigger });
      expect(ruleDefinition(ruleForm(original))).toEqual(original);
    }
  });

  it('given a disabled rule, then the form says so', () => {
    expect(ruleForm(definition(), false).enabled).toBe(false);
  });
});

describe('ruleFormProblems', () => {
  const valid = ruleForm(definition());

  it('given a complete rule, then none, and the robots domain finds none either', () => {
    expect(ruleFormProblems(valid)).toEqual([]);
    expect(ruleProblems(ruleDefinition(valid))).toEqual([]);
  });

  it('given no name, or too long a one, then the name', () => {
    expect(problemOf(ruleFormProblems({ ...valid, name: '  ' }), 'name')).toBe('required');
    expect(problemOf(ruleFormProblems({ ...valid, name: 'x'.repeat(101) }), 'name')).toBe(
      'too-long',
    );
  });

  it('given no actions, then the actions', () => {
    expect(ruleFormProblems({ ...valid, actions: [] })).toEqual([
      { field: 'actions', code: 'no-actions' },
    ]);
  });

  it('given keywords that are only commas, then the keywords', () => {
    const trigger = { ...emptyTrigger('keyword'), keywords: ' , ,' };
    expect(ruleFormProblems({ ...valid, trigger })).toEqual([
      { field: 'trigger.keywords', code: 'keywords-empty' },
    ]);
  });

  it('given minutes outside 1..10080 or not whole, then the minutes', () => {
    for (const minutes of ['0', '10081', '1.5', '', 'soon']) {
      const trigger = { ...emptyTrigger('no_manager_reply'), minutes };
      expect(problemOf(ruleFormProblems({ ...valid, trigger }), 'trigger.minutes')).toBe(
        'minutes-range',
      );
    }
    for (const minutes of ['1', '10080']) {
      const trigger = { ...emptyTrigger('no_manager_reply'), minutes };
      expect(ruleFormProblems({ ...valid, trigger })).toEqual([]);
    }
  });

  it('given a time window not as HH:MM, empty, or without days, then those fields', () => {
    const time = emptyCondition('time');
    const problems = (patch: Partial<typeof time>) =>
      ruleFormProblems({ ...valid, conditions: [{ ...time, ...patch }] });
    expect(problems({ from: '9:00', to: '24:00' })).toEqual([
      { field: 'conditions[0].from', code: 'clock' },
      { field: 'conditions[0].to', code: 'clock' },
    ]);
    expect(problems({ from: '10:00', to: '10:00' })).toEqual([
      { field: 'conditions[0].to', code: 'same-time' },
    ]);
    expect(problems({ weekdays: [] })).toEqual([
      { field: 'conditions[0].weekdays', code: 'weekdays-empty' },
    ]);
  });

  it('given parts left empty, then each under its field', () => {
    const form: RuleForm = {
      ...valid,
      conditions: [emptyCondition('tags'), emptyCondition('stage'), emptyCondition('line')],
      actions: [
        emptyAction('change_stage'),
        emptyAction('add_note'),
        { ...emptyAction('create_task'), dueInMinutes: '-1' },
        emptyAction('assign_round_robin'),
        emptyAction('pin'),
      ],
    };
    expect(ruleFormProblems(form)).toEqual([
      { field: 'conditions[0].values', code: 'values-empty' },
      { field: 'conditions[1].stages', code: 'stages-empty' },
      { field: 'actions[0].stage', code: 'choose' },
      { field: 'actions[1].text', code: 'required' },
      { field: 'actions[2].description', code: 'required' },
      { field: 'actions[2].dueInMinutes', code: 'due-invalid' },
      { field: 'actions[3].managerIds', code: 'managers-empty' },
    ]);
  });

  it('given more than ten actions, then the actions', () => {
    const actions = Array.from({ length: 11 }, () => emptyAction('pin'));
    expect(problemOf(ruleFormProblems({ ...valid, actions }), 'actions')).toBe('too-many-actions');
  });
});
