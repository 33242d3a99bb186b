import {
  CONVERSION_TYPES as CONTRACT_CONVERSION_TYPES,
  RULE_TRIGGER_KINDS as CONTRACT_TRIGGER_KINDS,
  robotRulesView,
  ruleShapeProblems,
  type RobotRuleView,
  type RuleDefinition,
} from '@parley/contracts';
import {
  CLOCK_TIME as DOMAIN_CLOCK_TIME,
  MAX_ACTIONS as DOMAIN_MAX_ACTIONS,
  MAX_CONDITIONS as DOMAIN_MAX_CONDITIONS,
  MAX_DELAY_MINUTES as DOMAIN_MAX_DELAY_MINUTES,
  RULE_NAME_MAX as DOMAIN_RULE_NAME_MAX,
} from '@parley/robots-domain';
import {
  CLOCK_TIME,
  CONVERSION_TYPES,
  MAX_ACTIONS,
  MAX_CONDITIONS,
  MAX_DELAY_MINUTES,
  RULE_NAME_MAX,
  RULE_TRIGGER_KINDS,
  rulesInOrder,
} from './robot-rules';
import { RULE_ACTION_KINDS, RULE_CONDITION_KINDS } from './rule-form-model';

/** The kinds the contracts' rule shape accepts where `field` is, from its refusal of `nonsense`. */
const shapeKinds = (field: string): string[] => {
  const problem = ruleShapeProblems({
    name: 'x',
    trigger: { kind: 'nonsense' },
    conditions: [{ kind: 'nonsense' }],
    actions: [{ kind: 'nonsense' }],
  }).find((p) => p.field === field);
  return (problem?.reason ?? '').replace(/^must be one of /, '').split(', ');
};

describe('the robots’ values mirrored from the contracts and the robots domain', () => {
  it('has the same trigger kinds and conversion types as the contracts', () => {
    expect(RULE_TRIGGER_KINDS).toEqual(CONTRACT_TRIGGER_KINDS);
    expect(CONVERSION_TYPES).toEqual(CONTRACT_CONVERSION_TYPES);
  });

  it('offers every condition and action kind the contracts’ rule shape accepts', () => {
    expect([...RULE_CONDITION_KINDS].sort()).toEqual(shapeKinds('conditions[0].kind').sort());
    expect([...RULE_ACTION_KINDS].sort()).toEqual(shapeKinds('actions[0].kind').sort());
    expect([...RULE_TRIGGER_KINDS].sort()).toEqual(shapeKinds('trigger.kind').sort());
  });

  it('has the robots domain’s limits', () => {
    expect(MAX_DELAY_MINUTES).toBe(DOMAIN_MAX_DELAY_MINUTES);
    expect(RULE_NAME_MAX).toBe(DOMAIN_RULE_NAME_MAX);
    expect(MAX_ACTIONS).toBe(DOMAIN_MAX_ACTIONS);
    expect(MAX_CONDITIONS).toBe(DOMAIN_MAX_CONDITIONS);
    expect(CLOCK_TIME.source).toBe(DOMAIN_CLOCK_TIME.source);
  });
});

describe('rulesInOrder', () => {
  const definition: RuleDefinition = {
    name: 'r',
    trigger: { kind: 'message_received' },
    conditions: [],
    actions: [{ kind: 'pin' }],
  };
  const rule = (ruleId: string, position: number): RobotRuleView => ({
    ruleId,
    name: ruleId,
    enabled: true,
    position,
    definition,
    lastRuns: [],
  });

  it('given rules out of order, then by position, then id; nothing loaded, then none', () => {
    const rules = [rule('c', 20), rule('b', 10), rule('a', 20)];
    expect(rulesInOrder(rules).map((r) => r.ruleId)).toEqual(['b', 'a', 'c']);
    expect(rulesInOrder(undefined)).toEqual([]);
  });

  it('orders as the contracts’ view of the read model does', () => {
    const rules = [rule('c', 20), rule('b', 10), rule('a', 20)];
    const documents = rules.map((r) => ({
      _id: r.ruleId,
      workspaceId: 'ws1',
      deleted: false,
      ...r,
    }));
    expect(rulesInOrder(rules)).toEqual(robotRulesView(documents));
  });
});
