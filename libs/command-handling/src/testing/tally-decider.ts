import { DomainRuleViolation, type Decider } from '@parley/decider';

/**
 * A minimal aggregate for exercising command handling: a tally that counts up to a limit.
 * Test support only; real aggregates live with their services.
 */
export type TallyEvent = { type: 'Tally.Counted'; data: { by: number } };
export type TallyCommand = { by: number; limit: number };
export type TallyState = { total: number };

export const tallyDecider: Decider<TallyCommand, TallyEvent, TallyState> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.by }),
  decide: (command, state) => {
    if (state.total + command.by > command.limit) {
      throw new DomainRuleViolation(
        'tally.limit',
        `The tally would pass its limit of ${command.limit}.`,
      );
    }
    return [{ type: 'Tally.Counted', data: { by: command.by } }];
  },
};
