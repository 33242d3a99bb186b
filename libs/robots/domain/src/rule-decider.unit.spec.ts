import type { RuleDefinition } from '@parley/contracts';
import { deciderSpecification } from '@parley/decider';
import { ruleDecider, type RuleCommand, type RuleDecidedEvent } from './rule-decider';

const spec = deciderSpecification(ruleDecider);
const ruleId = '6f1d0c8e-1b7a-4a8e-9c41-7a2f7f1f0a01';
const definition: RuleDefinition = {
  name: 'Price question',
  trigger: { kind: 'keyword', keywords: ['price'] },
  conditions: [],
  actions: [{ kind: 'add_tag', tag: 'price-asked' }],
};
const admin = { ruleId, actorRole: 'admin', actorId: 'u-admin' } as const;
const create = (more: Partial<RuleDefinition> = {}): RuleCommand => ({
  kind: 'CreateRule',
  ...admin,
  definition: { ...definition, ...more },
  enabled: true,
  position: 1000,
});
const created: RuleDecidedEvent = {
  type: 'Robots.RuleCreated',
  data: { ruleId, definition, position: 1000, enabled: true, createdBy: 'u-admin' },
};

describe('a robot’s rule (A1, A4)', () => {
  it('given no rule, when an admin creates one, then it is created, enabled, in its place', () => {
    spec.given([]).when(create()).then([created]);
  });

  it('given the rule, when the same creation comes again, then nothing happens', () => {
    spec.given([created]).when(create()).thenNothingHappened();
  });

  it('given the rule, when another rule is created with its id, then it is refused', () => {
    spec
      .given([created])
      .when(create({ name: 'Other' }))
      .thenRejects('rule.exists');
  });

  it('given a manager, when they create a rule, then only an admin can', () => {
    spec
      .given([])
      .when({ ...create(), actorRole: 'manager' } as RuleCommand)
      .thenRejects('role.admin_only');
  });

  it('given a definition with a pattern RE2 refuses, then the rule is not saved and the field is named', () => {
    const error = spec
      .given([])
      .when(create({ trigger: { kind: 'pattern', pattern: '(?<=a)b' } }))
      .thenRejects('rule.invalid');
    expect(error.message).toMatch(/trigger\.pattern: not a regular expression RE2 accepts/);
  });

  it('given the rule, when it is changed, disabled, enabled and deleted, then each is recorded once', () => {
    const changed: RuleDecidedEvent = {
      type: 'Robots.RuleChanged',
      data: { ruleId, definition: { ...definition, name: 'Prices' }, changedBy: 'u-admin' },
    };
    spec
      .given([created])
      .when({ kind: 'ChangeRule', ...admin, definition: { ...definition, name: 'Prices' } })
      .then([changed]);
    spec
      .given([created, changed])
      .when({ kind: 'ChangeRule', ...admin, definition: { ...definition, name: 'Prices' } })
      .thenNothingHappened();
    const disabled: RuleDecidedEvent = {
      type: 'Robots.RuleDisabled',
      data: { ruleId, disabledBy: 'u-admin' },
    };
    spec
      .given([created])
      .when({ kind: 'DisableRule', ...admin })
      .then([disabled]);
    spec
      .given([created, disabled])
      .when({ kind: 'DisableRule', ...admin })
      .thenNothingHappened();
    spec
      .given([created, disabled])
      .when({ kind: 'EnableRule', ...admin })
      .then([{ type: 'Robots.RuleEnabled', data: { ruleId, enabledBy: 'u-admin' } }]);
    spec
      .given([created])
      .when({ kind: 'DeleteRule', ...admin })
      .then([{ type: 'Robots.RuleDeleted', data: { ruleId, deletedBy: 'u-admin' } }]);
  });

  it('given a deleted rule, when it is changed or enabled, then there is no such rule; deleting again changes nothing', () => {
    const deleted: RuleDecidedEvent = {
      type: 'Robots.RuleDeleted',
      data: { ruleId, deletedBy: 'u-admin' },
    };
    spec
      .given([created, deleted])
      .when({ kind: 'EnableRule', ...admin })
      .thenRejects('rule.not_found');
    spec
      .given([created, deleted])
      .when({ kind: 'ChangeRule', ...admin, definition })
      .thenRejects('rule.not_found');
    spec
      .given([created, deleted])
      .when({ kind: 'DeleteRule', ...admin })
      .thenNothingHappened();
  });
});
