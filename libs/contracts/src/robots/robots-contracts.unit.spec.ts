import { ContractViolation } from '../validation/contract-violation';
import { validatePlain } from '../validation/validate';
import { CreateRuleDataDto } from './robots-commands';
import { RuleRanDataDto } from './robots-event-definitions';

const definition = {
  name: 'Price question',
  trigger: { kind: 'keyword', keywords: ['price'] },
  conditions: [],
  actions: [{ kind: 'add_tag', tag: 'price-asked' }],
};

const problemsOf = (dto: new () => object, value: unknown): string[] => {
  try {
    validatePlain(dto, value, 'test');
    return [];
  } catch (error) {
    if (!(error instanceof ContractViolation)) throw error;
    return error.issues.map((issue) => `${issue.field}: ${issue.reason}`);
  }
};

describe('robots contracts', () => {
  it('given a CreateRule with a rule, then it is valid', () => {
    expect(
      problemsOf(CreateRuleDataDto, {
        ruleId: '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a01',
        definition,
        enabled: true,
        actorRole: 'admin',
      }),
    ).toEqual([]);
  });

  it('given a definition of the wrong shape, then the field names what is wrong in it', () => {
    const [problem, ...more] = problemsOf(CreateRuleDataDto, {
      ruleId: '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a01',
      definition: { ...definition, trigger: { kind: 'sunrise' } },
      enabled: true,
      actorRole: 'admin',
    });
    expect(more).toEqual([]);
    expect(problem).toMatch(/^definition: is not a rule: trigger\.kind must be one of /);
  });

  it('given a run record with actions that are no actions, then it is refused', () => {
    expect(
      problemsOf(RuleRanDataDto, {
        runId: '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a02',
        ruleId: '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a01',
        ruleName: 'Price question',
        conversationId: 'ws1:tg:1:100',
        outcome: 'run',
        actions: [{ kind: 'explode' }],
        reason: null,
        depth: 0,
        ranAt: '2026-12-02T10:00:00.000Z',
      }),
    ).toEqual(['actions: must be rule actions']);
  });
});
