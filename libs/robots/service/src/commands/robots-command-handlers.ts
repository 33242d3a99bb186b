import {
  ChangeRuleDataDto,
  CreateRuleDataDto,
  RuleRefDataDto,
  type ChangeRuleData,
  type CreateRuleData,
  type CommandEnvelope,
  type RuleRefData,
} from '@parley/contracts';
import { handlerWithData, type CommandHandler } from '@parley/command-handling';
import type { EventStore } from '@parley/eventstore';
import type { RuleCommand } from '@parley/robots-domain';
import { runRuleCommand } from '../robots-streams';

const actorOf = (envelope: CommandEnvelope) => envelope.metadata.actor.id;

/**
 * The robots' commands (A1, A4) on `parley.robots.commands`: `CreateRule`, `ChangeRule`,
 * `EnableRule`, `DisableRule`, `DeleteRule`, each on the rule's own stream through ruleDecider
 * (admins only; a definition is checked by ruleProblems, which refuses empty tag and stage
 * names among the rest). A new rule's place is the time it was asked for. A broken contract
 * throws ContractViolation, a broken rule DomainRuleViolation: both become rejected outcomes.
 */
export const robotsCommandHandlers = (
  store: EventStore,
): Readonly<Record<string, CommandHandler>> => {
  const onRuleRef = (type: 'EnableRule' | 'DisableRule' | 'DeleteRule'): CommandHandler =>
    handlerWithData<RuleRefData>(RuleRefDataDto, type, (data, envelope) =>
      runRuleCommand(
        store,
        data.ruleId,
        { kind: type, ruleId: data.ruleId, actorRole: data.actorRole, actorId: actorOf(envelope) },
        envelope,
      ),
    );

  return {
    CreateRule: handlerWithData<CreateRuleData>(
      CreateRuleDataDto,
      'CreateRule',
      (data, envelope) => {
        const command: RuleCommand = {
          kind: 'CreateRule',
          ruleId: data.ruleId,
          definition: data.definition,
          enabled: data.enabled,
          actorRole: data.actorRole,
          actorId: actorOf(envelope),
          position: Date.parse(envelope.metadata.issuedAt),
        };
        return runRuleCommand(store, data.ruleId, command, envelope);
      },
    ),
    ChangeRule: handlerWithData<ChangeRuleData>(ChangeRuleDataDto, 'ChangeRule', (data, envelope) =>
      runRuleCommand(
        store,
        data.ruleId,
        {
          kind: 'ChangeRule',
          ruleId: data.ruleId,
          definition: data.definition,
          actorRole: data.actorRole,
          actorId: actorOf(envelope),
        },
        envelope,
      ),
    ),
    EnableRule: onRuleRef('EnableRule'),
    DisableRule: onRuleRef('DisableRule'),
    DeleteRule: onRuleRef('DeleteRule'),
  };
};
