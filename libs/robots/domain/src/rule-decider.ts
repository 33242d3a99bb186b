import type { ActorRole, RuleDefinition, RuleEvent } from '@parley/contracts';
import { assertNever, DomainRuleViolation, type DecidedEvent, type Decider } from '@parley/decider';
import { ruleProblems } from './rule-problems';

type Decided<E> = E extends { type: infer T extends string; data: infer D }
  ? DecidedEvent<T, D>
  : never;

/** Robots.Rule* events as the rule decider emits them. */
export type RuleDecidedEvent = Decided<RuleEvent>;

interface AdminCommand {
  readonly ruleId: string;
  readonly actorRole: ActorRole;
  readonly actorId: string;
}

export interface CreateRule extends AdminCommand {
  readonly kind: 'CreateRule';
  readonly definition: RuleDefinition;
  readonly enabled: boolean;
  /** When it was asked for (ms): the rule's place among the workspace's rules. */
  readonly position: number;
}

export interface ChangeRule extends AdminCommand {
  readonly kind: 'ChangeRule';
  readonly definition: RuleDefinition;
}

export interface EnableRule extends AdminCommand {
  readonly kind: 'EnableRule';
}

export interface DisableRule extends AdminCommand {
  readonly kind: 'DisableRule';
}

export interface DeleteRule extends AdminCommand {
  readonly kind: 'DeleteRule';
}

export type RuleCommand = CreateRule | ChangeRule | EnableRule | DisableRule | DeleteRule;

export type RuleState =
  | { readonly status: 'none' }
  | {
      readonly status: 'live';
      readonly definition: RuleDefinition;
      readonly enabled: boolean;
      readonly position: number;
    }
  | { readonly status: 'deleted' };

const requireAdmin = (role: ActorRole): void => {
  if (role !== 'admin') {
    throw new DomainRuleViolation('role.admin_only', 'Only an admin can change robots’ rules.');
  }
};

const requireSound = (definition: RuleDefinition): void => {
  const problems = ruleProblems(definition);
  if (problems.length > 0) {
    throw new DomainRuleViolation(
      'rule.invalid',
      `The rule cannot be saved: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}.`,
    );
  }
};

const requireLive = (state: RuleState, ruleId: string) => {
  if (state.status !== 'live') {
    throw new DomainRuleViolation('rule.not_found', `There is no rule ${ruleId}.`);
  }
  return state;
};

const sameDefinition = (a: RuleDefinition, b: RuleDefinition): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * A robot's rule (A1, A4), one stream per rule: created (enabled or not), changed, enabled,
 * disabled, deleted, by admins only. A definition is checked by `ruleProblems` before it is
 * stored; what did not change emits nothing, so retried requests are harmless.
 */
export const ruleDecider: Decider<RuleCommand, RuleDecidedEvent, RuleState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'Robots.RuleCreated':
        return {
          status: 'live',
          definition: event.data.definition,
          enabled: event.data.enabled,
          position: event.data.position,
        };
      case 'Robots.RuleChanged':
        return state.status === 'live' ? { ...state, definition: event.data.definition } : state;
      case 'Robots.RuleEnabled':
        return state.status === 'live' ? { ...state, enabled: true } : state;
      case 'Robots.RuleDisabled':
        return state.status === 'live' ? { ...state, enabled: false } : state;
      case 'Robots.RuleDeleted':
        return { status: 'deleted' };
      default:
        return assertNever(event, 'rule event');
    }
  },
  decide: (command, state) => {
    requireAdmin(command.actorRole);
    const { ruleId, actorId } = command;
    switch (command.kind) {
      case 'CreateRule':
        if (state.status === 'live' && sameDefinition(state.definition, command.definition)) {
          return [];
        }
        if (state.status !== 'none') {
          throw new DomainRuleViolation('rule.exists', `A rule ${ruleId} exists already.`);
        }
        requireSound(command.definition);
        return [
          {
            type: 'Robots.RuleCreated',
            data: {
              ruleId,
              definition: command.definition,
              position: command.position,
              enabled: command.enabled,
              createdBy: actorId,
            },
          },
        ];
      case 'ChangeRule': {
        const live = requireLive(state, ruleId);
        if (sameDefinition(live.definition, command.definition)) return [];
        requireSound(command.definition);
        return [
          {
            type: 'Robots.RuleChanged',
            data: { ruleId, definition: command.definition, changedBy: actorId },
          },
        ];
      }
      case 'EnableRule':
        return requireLive(state, ruleId).enabled
          ? []
          : [{ type: 'Robots.RuleEnabled', data: { ruleId, enabledBy: actorId } }];
      case 'DisableRule':
        return requireLive(state, ruleId).enabled
          ? [{ type: 'Robots.RuleDisabled', data: { ruleId, disabledBy: actorId } }]
          : [];
      case 'DeleteRule':
        if (state.status === 'deleted') return [];
        requireLive(state, ruleId);
        return [{ type: 'Robots.RuleDeleted', data: { ruleId, deletedBy: actorId } }];
      default:
        return assertNever(command, 'rule command');
    }
  },
};
