import type { RoundRobinTurnTaken } from '@parley/contracts';
import { DomainRuleViolation, type DecidedEvent, type Decider } from '@parley/decider';

/**
 * A rule's `assign_round_robin` action wants the next manager: for the action `index` of the run
 * `runId`, on that run's conversation.
 */
export interface TakeRoundRobinTurn {
  readonly kind: 'TakeRoundRobinTurn';
  readonly ruleId: string;
  readonly turnKey: string;
  readonly conversationId: string;
  /** The managers the rule rotates among, in the rule's order (at least one). */
  readonly managerIds: readonly string[];
}

export type RoundRobinDecidedEvent = DecidedEvent<
  RoundRobinTurnTaken['type'],
  RoundRobinTurnTaken['data']
>;

export interface RoundRobinState {
  /** Turns taken so far: the next turn is this number. */
  readonly turns: number;
  /** The manager of each recent turn by its key, newest last, at most RECENT_TURNS of them. */
  readonly recent: Readonly<Record<string, string>>;
}

/**
 * How many turns are remembered for idempotency: a run redelivered within that many later turns
 * of its rule takes the same turn again; one older than that would take a new turn.
 */
export const RECENT_TURNS = 256;

/** The turn key of a run's action: which run, which of its actions. */
export const roundRobinTurnKey = (runId: string, index: number): string => `${runId}:${index}`;

/** The manager a turn already chose, or undefined. */
export const managerOfTurn = (state: RoundRobinState, turnKey: string): string | undefined =>
  Object.hasOwn(state.recent, turnKey) ? state.recent[turnKey] : undefined;

const remember = (
  recent: Readonly<Record<string, string>>,
  turnKey: string,
  managerId: string,
): Record<string, string> => {
  const entries = Object.entries(recent);
  const kept =
    entries.length >= RECENT_TURNS ? entries.slice(entries.length - RECENT_TURNS + 1) : entries;
  return { ...Object.fromEntries(kept), [turnKey]: managerId };
};

/**
 * The rotation of one rule's round robin (A1: "assign a manager ... round robin among a line's
 * managers"), stream `robots-{ws}:rotation:{ruleId}`: turn n goes to the rule's managers[n mod
 * count], in the order the rule lists them, whichever conversation asks. A turn already taken
 * (same key) emits nothing, so a redelivered run keeps its manager. Changing the rule's manager
 * list keeps the count: the rotation goes on from where it was.
 */
export const roundRobinDecider: Decider<
  TakeRoundRobinTurn,
  RoundRobinDecidedEvent,
  RoundRobinState
> = {
  initialState: () => ({ turns: 0, recent: {} }),
  evolve: (state, event) => ({
    turns: Math.max(state.turns, event.data.turn + 1),
    recent: remember(state.recent, event.data.turnKey, event.data.managerId),
  }),
  decide: (command, state) => {
    if (managerOfTurn(state, command.turnKey) !== undefined) return [];
    if (command.managerIds.length === 0) {
      throw new DomainRuleViolation(
        'rule.no_managers',
        'The round robin has no managers to choose from.',
      );
    }
    const turn = state.turns;
    return [
      {
        type: 'Robots.RoundRobinTurnTaken',
        data: {
          ruleId: command.ruleId,
          turnKey: command.turnKey,
          conversationId: command.conversationId,
          managerId: command.managerIds[turn % command.managerIds.length]!,
          turn,
        },
      },
    ];
  },
};
