import type { RuleAction, RuleCondition, RuleTrigger } from '@parley/contracts';
import {
  conditionHolds,
  evaluateRules,
  triggeredBy,
  type ConversationFacts,
  type EvaluationContext,
  type Happening,
  type Rule,
} from './rule-evaluation';

const facts: ConversationFacts = {
  conversationId: 'ws1:tg:1:100',
  tags: ['VIP', 'hot'],
  stage: 'new',
  line: 1,
  channel: 'telegram',
  language: 'es',
  country: 'ES',
  source: 'facebook',
  campaign: 'winter26',
};
// Monday 2026-12-07, 10:00 in Madrid.
const context: EvaluationContext = {
  now: new Date('2026-12-07T09:00:00Z'),
  timeZone: 'Europe/Madrid',
  depth: 0,
};
const message = (text: string, first = false): Happening => ({
  kind: 'client_message',
  text,
  first,
});
const addTag: RuleAction = { kind: 'add_tag', tag: 'price-asked' };
const rule = (
  ruleId: string,
  trigger: RuleTrigger,
  conditions: RuleCondition[] = [],
  actions: RuleAction[] = [addTag],
  more: Partial<Rule> = {},
): Rule => ({
  ruleId,
  enabled: true,
  position: 1,
  definition: { name: ruleId, trigger, conditions, actions },
  ...more,
});

describe('which trigger starts on what happened', () => {
  it.each<[RuleTrigger, Happening, boolean]>([
    [{ kind: 'message_received' }, message('hi'), true],
    [{ kind: 'message_received' }, { kind: 'task_overdue' }, false],
    [{ kind: 'first_message' }, message('hi', true), true],
    [{ kind: 'first_message' }, message('hi again'), false],
    [{ kind: 'keyword', keywords: ['price', 'cost'] }, message('What does it cost?'), true],
    [{ kind: 'keyword', keywords: ['price'] }, message('priceless'), false],
    [{ kind: 'pattern', pattern: 'order #\\d+' }, message('Where is ORDER #42?'), true],
    [{ kind: 'pattern', pattern: 'order #\\d+' }, message('Where is my order?'), false],
    [{ kind: 'tag_added', tag: 'vip' }, { kind: 'tag_added', tag: 'VIP' }, true],
    [{ kind: 'tag_added', tag: 'vip' }, { kind: 'tag_removed', tag: 'VIP' }, false],
    [{ kind: 'tag_removed', tag: 'vip' }, { kind: 'tag_removed', tag: 'vip' }, true],
    [{ kind: 'stage_changed', stage: null }, { kind: 'stage_changed', stage: 'lost' }, true],
    [{ kind: 'stage_changed', stage: 'won' }, { kind: 'stage_changed', stage: 'lost' }, false],
    [
      { kind: 'conversion_recorded', conversionType: 'deposit' },
      { kind: 'conversion_recorded', conversionType: 'deposit' },
      true,
    ],
    [
      { kind: 'conversion_recorded', conversionType: 'deposit' },
      { kind: 'conversion_recorded', conversionType: 'registration' },
      false,
    ],
    [{ kind: 'no_manager_reply', minutes: 30 }, { kind: 'no_manager_reply', ruleId: 'r' }, true],
    [{ kind: 'no_manager_reply', minutes: 30 }, { kind: 'no_manager_reply', ruleId: 'x' }, false],
    [{ kind: 'task_overdue' }, { kind: 'task_overdue' }, true],
  ])('%j on %j: %s', (trigger, happening, expected) => {
    expect(triggeredBy(rule('r', trigger), happening)).toBe(expected);
  });
});

describe('conditions on the conversation', () => {
  it.each<[RuleCondition, boolean]>([
    [{ kind: 'tags', match: 'any', tags: ['vip', 'cold'] }, true],
    [{ kind: 'tags', match: 'all', tags: ['vip', 'cold'] }, false],
    [{ kind: 'tags', match: 'all', tags: ['vip', 'HOT'] }, true],
    [{ kind: 'tags', match: 'none', tags: ['cold'] }, true],
    [{ kind: 'tags', match: 'none', tags: ['vip'] }, false],
    [{ kind: 'stage', stages: ['new', 'in_progress'] }, true],
    [{ kind: 'stage', stages: ['lost'] }, false],
    [{ kind: 'line', line: 1 }, true],
    [{ kind: 'line', line: 2 }, false],
    [{ kind: 'channel', channels: ['telegram'] }, true],
    [{ kind: 'language', languages: ['ru', 'es'] }, true],
    [{ kind: 'language', languages: ['ru'] }, false],
    [{ kind: 'country', countries: ['es'] }, true],
    [{ kind: 'source', sources: ['google'] }, false],
    [{ kind: 'campaign', campaigns: ['Winter26'] }, true],
    [{ kind: 'text_matches', pattern: 'hola|hello' }, true],
    [{ kind: 'text_matches', pattern: '^bye' }, false],
    [{ kind: 'time', from: '09:00', to: '18:00', weekdays: [1, 2, 3, 4, 5] }, true],
    [{ kind: 'time', from: '18:00', to: '09:00', weekdays: [1, 2, 3, 4, 5] }, false],
    [{ kind: 'time', from: '09:00', to: '18:00', weekdays: [6, 7] }, false],
  ])('%j holds: %s', (condition, expected) => {
    expect(conditionHolds(condition, facts, message('Hola, hello'), context)).toBe(expected);
  });

  it('given a conversation with no deal yet, then a stage condition does not hold', () => {
    expect(
      conditionHolds(
        { kind: 'stage', stages: ['new'] },
        { ...facts, stage: null },
        message(''),
        context,
      ),
    ).toBe(false);
  });
});

describe('evaluating a workspace’s rules on what happened', () => {
  it('given rules in some order, then the enabled ones whose trigger and conditions hold run, in their order', () => {
    const rules = [
      rule('later', { kind: 'keyword', keywords: ['price'] }, [], [addTag], { position: 2 }),
      rule('first', { kind: 'message_received' }, [], [{ kind: 'pin' }], { position: 1 }),
      rule('off', { kind: 'message_received' }, [], [addTag], { enabled: false }),
      rule('other-line', { kind: 'message_received' }, [{ kind: 'line', line: 2 }]),
      rule('other-word', { kind: 'keyword', keywords: ['refund'] }),
    ];

    expect(evaluateRules(rules, facts, message('The price?'), context)).toEqual([
      { ruleId: 'first', outcome: 'run', actions: [{ kind: 'pin' }] },
      { ruleId: 'later', outcome: 'run', actions: [addTag] },
    ]);
  });

  it('given a happening caused by robots three steps in a row, then a rule that would act is stopped with the reason', () => {
    const loop = [
      rule('a', { kind: 'tag_added', tag: 'x' }, [], [{ kind: 'add_tag', tag: 'y' }]),
      rule('b', { kind: 'tag_added', tag: 'y' }, [], [{ kind: 'add_tag', tag: 'x' }]),
    ];
    // Steps 0 to 2 run (a person added x; then robots add y, x, y) ...
    for (const [depth, tag, ruleId] of [
      [0, 'x', 'a'],
      [1, 'y', 'b'],
      [2, 'x', 'a'],
    ] as const) {
      expect(evaluateRules(loop, facts, { kind: 'tag_added', tag }, { ...context, depth })).toEqual(
        [expect.objectContaining({ ruleId, outcome: 'run' })],
      );
    }
    // ... and the fourth stops.
    const [stopped] = evaluateRules(
      loop,
      facts,
      { kind: 'tag_added', tag: 'y' },
      { ...context, depth: 3 },
    );
    expect(stopped).toEqual({
      ruleId: 'b',
      outcome: 'stopped',
      reason: expect.stringMatching(
        /stopped after 3 robot steps in a row: rules trigger each other/,
      ),
    });
  });
});
