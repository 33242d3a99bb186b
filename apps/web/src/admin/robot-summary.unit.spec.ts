import type { RuleAction, RuleDefinition } from '@parley/contracts';
import { translatorFor } from '../i18n/translate';
import {
  actionsSummary,
  conditionSummary,
  ruleActionsOf,
  ruleNames,
  ruleSummary,
  triggerSummary,
} from './robot-summary';
import { pickerOptions, stageOptions, type RulePickers } from './rule-pickers';

const en = translatorFor('en');
const ru = translatorFor('ru');

const names = ruleNames(
  {
    stages: [
      { stageId: 's1', name: 'New', retired: false },
      { stageId: 's2', name: 'In progress', retired: false },
      { stageId: 's0', name: 'Old', retired: true },
    ],
  },
  [
    { id: 'u1', name: 'Anna', role: 'manager' },
    { id: 'u2', name: 'Boris', role: 'admin' },
  ],
  {
    templates: [
      { templateId: 't1', name: 'Greeting', shortcode: 'hi', text: 'Hi', attachment: null },
    ],
    variables: {},
  },
);

const priceRule: RuleDefinition = {
  name: 'Price question',
  trigger: { kind: 'keyword', keywords: ['price'] },
  conditions: [{ kind: 'tags', match: 'any', tags: ['VIP'] }],
  actions: [
    { kind: 'change_stage', stage: 's2' },
    { kind: 'add_tag', tag: 'price-asked' },
  ],
};

describe('ruleSummary', () => {
  it('given a rule, then trigger, conditions and actions in one plain line, with names', () => {
    expect(ruleSummary(priceRule, en, names)).toBe(
      'When a message has “price”, if tags any of VIP: change stage to In progress, add tag price-asked',
    );
    expect(ruleSummary(priceRule, ru, names)).toBe(
      'Когда в сообщении есть «price», если есть любой из тегов VIP: сменить этап на In progress, добавить тег price-asked',
    );
  });

  it('given no conditions, then no "if"; several joined with "and"', () => {
    expect(ruleSummary({ ...priceRule, conditions: [] }, en, names)).toBe(
      'When a message has “price”: change stage to In progress, add tag price-asked',
    );
    expect(
      ruleSummary(
        {
          ...priceRule,
          trigger: { kind: 'first_message' },
          conditions: [
            { kind: 'line', line: 1 },
            { kind: 'language', languages: ['en', 'de'] },
          ],
          actions: [{ kind: 'pin' }],
        },
        en,
        names,
      ),
    ).toBe('When a client writes for the first time, if line 1 and language is en or de: pin');
  });

  it('given names not at hand, then the ids', () => {
    expect(ruleSummary({ ...priceRule, conditions: [] }, en)).toBe(
      'When a message has “price”: change stage to s2, add tag price-asked',
    );
  });
});

describe('the parts', () => {
  it('says each trigger', () => {
    const cases: [RuleDefinition['trigger'], string][] = [
      [{ kind: 'message_received' }, 'When a message comes in'],
      [{ kind: 'keyword', keywords: ['price', 'cost'] }, 'When a message has “price” or “cost”'],
      [{ kind: 'pattern', pattern: 'a+' }, 'When a message matches /a+/'],
      [{ kind: 'tag_added', tag: 'VIP' }, 'When the tag VIP is added'],
      [{ kind: 'tag_removed', tag: 'VIP' }, 'When the tag VIP is removed'],
      [{ kind: 'stage_changed', stage: 's1' }, 'When the deal moves to New'],
      [{ kind: 'stage_changed', stage: null }, 'When the deal changes stage'],
      [{ kind: 'conversion_recorded', conversionType: null }, 'When a conversion is recorded'],
      [
        { kind: 'conversion_recorded', conversionType: 'deposit' },
        'When the client makes a deposit',
      ],
      [{ kind: 'no_manager_reply', minutes: 15 }, 'When a message has no manager reply for 15 min'],
      [{ kind: 'task_overdue' }, 'When a task is overdue'],
    ];
    for (const [trigger, text] of cases) expect(triggerSummary(trigger, en, names)).toBe(text);
  });

  it('says each condition', () => {
    expect(conditionSummary({ kind: 'tags', match: 'none', tags: ['a', 'b'] }, en, names)).toBe(
      'tags none of a, b',
    );
    expect(conditionSummary({ kind: 'stage', stages: ['s1', 's0'] }, en, names)).toBe(
      'stage is New or Old',
    );
    expect(
      conditionSummary(
        { kind: 'time', from: '09:00', to: '18:00', weekdays: [1, 2, 3, 4, 5] },
        en,
        names,
      ),
    ).toBe('09:00–18:00 Mon–Fri');
    expect(
      conditionSummary({ kind: 'time', from: '22:00', to: '06:00', weekdays: [6, 7] }, ru, names),
    ).toBe('22:00–06:00 Сб, Вс');
    expect(conditionSummary({ kind: 'text_matches', pattern: 'x' }, en, names)).toBe(
      'text matches /x/',
    );
  });

  it('says each action, with the names of managers and templates', () => {
    const actions: RuleAction[] = [
      { kind: 'remove_tag', tag: 'cold' },
      { kind: 'set_line', line: 2 },
      { kind: 'assign_manager', managerId: 'u1' },
      { kind: 'assign_round_robin', managerIds: ['u1', 'u2'] },
      { kind: 'send_template', templateId: 't1' },
      { kind: 'create_task', description: 'Call', dueInMinutes: 30 },
      { kind: 'add_note', text: 'Hot lead' },
      { kind: 'archive' },
    ];
    expect(actionsSummary(actions, en, names)).toBe(
      'remove tag cold, move to line 2, assign Anna, assign in turn to Anna, Boris, send template Greeting, create task “Call” due in 30 min, add note “Hot lead”, archive',
    );
    expect(actionsSummary([], en)).toBe('nothing');
  });
});

describe('ruleActionsOf', () => {
  it('given details’ actions, then them when every one has its kind’s fields, else null', () => {
    const actions = [{ kind: 'add_tag', tag: 'VIP' }, { kind: 'pin' }];
    expect(ruleActionsOf(actions)).toEqual(actions);
    expect(ruleActionsOf([{ kind: 'assign_round_robin' }])).toBeNull();
    expect(ruleActionsOf([{ kind: 'fly' }])).toBeNull();
    expect(ruleActionsOf('add_tag')).toBeNull();
  });
});

describe('picker options', () => {
  it('given a chosen value not among the live ones, then it is kept, named', () => {
    expect(
      pickerOptions([{ value: 'a', label: 'A' }], ['', 'a', 'x'], (v) => v.toUpperCase()),
    ).toEqual([
      { value: 'a', label: 'A' },
      { value: 'x', label: 'X' },
    ]);
    const pickers: RulePickers = {
      stages: [
        { stageId: 's1', name: 'New', retired: false },
        { stageId: 's0', name: 'Old', retired: true },
      ],
      tags: [],
      users: [],
      templates: [],
      names,
    };
    expect(stageOptions(pickers, [])).toEqual([{ value: 's1', label: 'New' }]);
    expect(stageOptions(pickers, ['s0'])).toEqual([
      { value: 's1', label: 'New' },
      { value: 's0', label: 'Old' },
    ]);
  });
});
