import { deciderSpecification, foldEvents } from '@parley/decider';
import {
  managerOfTurn,
  RECENT_TURNS,
  roundRobinDecider,
  roundRobinTurnKey,
  type RoundRobinDecidedEvent,
  type TakeRoundRobinTurn,
} from './round-robin';

const ruleId = '00000000-0000-4000-8000-0000000000aa';
const take = (runId: string, managerIds: readonly string[] = ['ann', 'bob', 'cid']) =>
  ({
    kind: 'TakeRoundRobinTurn',
    ruleId,
    turnKey: roundRobinTurnKey(runId, 0),
    conversationId: `conversation-of-${runId}`,
    managerIds,
  }) satisfies TakeRoundRobinTurn;
const taken = (runId: string, managerId: string, turn: number): RoundRobinDecidedEvent => ({
  type: 'Robots.RoundRobinTurnTaken',
  data: {
    ruleId,
    turnKey: roundRobinTurnKey(runId, 0),
    conversationId: `conversation-of-${runId}`,
    managerId,
    turn,
  },
});

describe('round robin (A1)', () => {
  const spec = deciderSpecification(roundRobinDecider);

  it('given no turns yet, then the first manager; then the next ones in order, and round again', () => {
    spec
      .given([])
      .when(take('r1'))
      .then([taken('r1', 'ann', 0)]);
    spec
      .given([taken('r1', 'ann', 0)])
      .when(take('r2'))
      .then([taken('r2', 'bob', 1)]);
    const three = [taken('r1', 'ann', 0), taken('r2', 'bob', 1), taken('r3', 'cid', 2)];
    spec
      .given(three)
      .when(take('r4'))
      .then([taken('r4', 'ann', 3)]);
  });

  it('given a turn taken for a run, when the run comes again, then nothing, and the manager is the one chosen', () => {
    const history = [taken('r1', 'ann', 0), taken('r2', 'bob', 1)];
    spec.given(history).when(take('r1')).then([]);
    const state = foldEvents(roundRobinDecider, history);
    expect(managerOfTurn(state, roundRobinTurnKey('r1', 0))).toBe('ann');
    expect(managerOfTurn(state, roundRobinTurnKey('r1', 1))).toBeUndefined();
  });

  it('given the rule now lists other managers, then the rotation goes on from its count', () => {
    spec
      .given([taken('r1', 'ann', 0), taken('r2', 'bob', 1)])
      .when(take('r3', ['dan', 'eve']))
      .then([taken('r3', 'dan', 2)]);
  });

  it('given no managers, then rule.no_managers', () => {
    spec.given([]).when(take('r1', [])).thenThrows('rule.no_managers');
  });

  it('remembers the most recent turns only, and keeps counting', () => {
    const history = Array.from({ length: RECENT_TURNS + 5 }, (_, n) => taken(`r${n}`, 'ann', n));
    const state = foldEvents(roundRobinDecider, history);
    expect(state.turns).toBe(RECENT_TURNS + 5);
    expect(Object.keys(state.recent)).toHaveLength(RECENT_TURNS);
    expect(managerOfTurn(state, roundRobinTurnKey('r0', 0))).toBeUndefined();
    expect(managerOfTurn(state, roundRobinTurnKey(`r${RECENT_TURNS + 4}`, 0))).toBe('ann');
  });
});
