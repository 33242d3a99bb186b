import { AggregateStates, handleCommand } from '@parley/command-handling';
import { ruleKey, streamName, type RuleRan } from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import {
  managerOfTurn,
  roundRobinDecider,
  roundRobinTurnKey,
  type RoundRobinState,
} from '@parley/robots-domain';
import { ROBOTS_CONTEXT } from '../robots-streams';

/** A rule's round-robin rotation: `robots-{ws}:rotation:{ruleId}` (not a rule stream). */
export const rotationStream = (workspaceId: string, ruleId: string): string =>
  streamName(ROBOTS_CONTEXT, rotationKey(workspaceId, ruleId));

const rotationKey = (workspaceId: string, ruleId: string): string =>
  ruleKey(workspaceId, ruleId).replace(/:rule:/, ':rotation:');

/**
 * Takes the turn of each `assign_round_robin` action of a recorded run on its rule's rotation
 * (roundRobinDecider): the managers chosen, by the action's index. The rotation is appended
 * with its expected revision, so two conversations that want the same rule's next manager at
 * once get two different turns; a redelivered run finds its turns taken and gets the same
 * managers. The folded rotations are kept here, so a turn reads only what came after.
 */
export class RoundRobinTurns {
  private readonly states = new AggregateStates<RoundRobinState>();

  constructor(private readonly store: EventStore) {}

  async managersFor(run: RuleRan): Promise<Record<number, string>> {
    const managers: Record<number, string> = {};
    const { workspaceId } = run.metadata;
    const { ruleId, runId, conversationId, actions } = run.data;
    for (const [index, action] of actions.entries()) {
      if (action.kind !== 'assign_round_robin') continue;
      const stream = rotationStream(workspaceId, ruleId);
      const turnKey = roundRobinTurnKey(runId, index);
      await handleCommand({
        store: this.store,
        streamName: stream,
        aggregateId: rotationKey(workspaceId, ruleId),
        decider: roundRobinDecider,
        command: {
          kind: 'TakeRoundRobinTurn',
          ruleId,
          turnKey,
          conversationId,
          managerIds: action.managerIds,
        },
        envelope: {
          commandId: `${turnKey}:turn`,
          service: ROBOTS_CONTEXT,
          type: 'TakeRoundRobinTurn',
          data: {},
          metadata: {
            workspaceId,
            aggregateId: rotationKey(workspaceId, ruleId),
            issuedAt: run.data.ranAt,
            correlationId: run.metadata.correlationId,
            causationId: run.metadata.eventId,
            actor: run.metadata.actor,
          },
        },
        states: this.states,
      });
      const state = this.states.get(stream)?.state;
      const managerId = state ? managerOfTurn(state, turnKey) : undefined;
      if (managerId !== undefined) managers[index] = managerId;
    }
    return managers;
  }
}
