import type { Decider } from '../decider';
import { DomainRuleViolation } from '../domain-rule-violation';
import { assertNever } from '../exhaustive';
import { deciderSpecification } from './decider-specification';

// A tiny decider written only to exercise the specification helper.
type Event =
  { type: 'Door.Opened'; data: { by: string } } | { type: 'Door.Closed'; data: { by: string } };
type Command = { kind: 'open' | 'close'; by: string };
type State = { status: 'open' } | { status: 'closed' };

const door: Decider<Command, Event, State> = {
  initialState: () => ({ status: 'closed' }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'Door.Opened':
        return { status: 'open' };
      case 'Door.Closed':
        return { status: 'closed' };
      default:
        return assertNever(event, 'event');
    }
  },
  decide: (command, state) => {
    if (command.kind === 'open') {
      if (state.status === 'open')
        throw new DomainRuleViolation('door.already_open', 'The door is already open.');
      return [{ type: 'Door.Opened', data: { by: command.by } }];
    }
    return state.status === 'open' ? [{ type: 'Door.Closed', data: { by: command.by } }] : [];
  },
};

describe('deciderSpecification', () => {
  const spec = deciderSpecification(door);

  it('passes when the decided events match', () => {
    expect(() =>
      spec
        .given([])
        .when({ kind: 'open', by: 'ann' })
        .then([{ type: 'Door.Opened', data: { by: 'ann' } }]),
    ).not.toThrow();
  });

  it('fails when the decided events differ, showing both', () => {
    expect(() => spec.given([]).when({ kind: 'open', by: 'ann' }).then([])).toThrow(
      /expected events \[\]\n\s+got .*Door.Opened/,
    );
  });

  it('folds the given history before deciding', () => {
    const opened: Event = { type: 'Door.Opened', data: { by: 'ann' } };
    const error = spec
      .given([opened])
      .when({ kind: 'open', by: 'bob' })
      .thenRejects('door.already_open');
    expect(error.message).toBe('The door is already open.');
  });

  it('fails when a rejection was expected but events came, or the code differs', () => {
    expect(() =>
      spec.given([]).when({ kind: 'open', by: 'x' }).thenRejects('door.already_open'),
    ).toThrow(/got events/);
    const opened: Event = { type: 'Door.Opened', data: { by: 'ann' } };
    expect(() =>
      spec.given([opened]).when({ kind: 'open', by: 'x' }).thenRejects('door.locked'),
    ).toThrow(/got door.already_open/);
  });

  it('thenThrows checks the code and the readable reason', () => {
    const opened: Event = { type: 'Door.Opened', data: { by: 'ann' } };
    const when = spec.given([opened]).when({ kind: 'open', by: 'x' });
    expect(() => when.thenThrows('door.already_open', 'The door is already open.')).not.toThrow();
    expect(() => when.thenThrows('door.already_open', 'Another reason.')).toThrow(
      /expected reason "Another reason."/,
    );
  });

  it('thenNothingHappened passes on no events and fails on some', () => {
    expect(() =>
      spec.given([]).when({ kind: 'close', by: 'x' }).thenNothingHappened(),
    ).not.toThrow();
    expect(() => spec.given([]).when({ kind: 'open', by: 'x' }).thenNothingHappened()).toThrow(
      /expected events \[\]/,
    );
  });
});
