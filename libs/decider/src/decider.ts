/**
 * What a decider emits: an event's type and payload. Metadata (ids, time, actor, causation)
 * is added around the domain by the command handler, from the command that caused it.
 */
export interface DecidedEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/**
 * An aggregate as three pure functions (docs/style.md 1, after Emmett's Decider):
 * no clock, no ids, no I/O: what they need arrives in the command.
 */
export interface Decider<Command, Event extends DecidedEvent, State> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  /** The events the command causes, or a thrown DomainRuleViolation. */
  decide(command: Command, state: State): readonly Event[];
}

/** Fold a stream's events into state: from the initial state, or from a state folded earlier. */
export const foldEvents = <Event extends DecidedEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
  from: State = decider.initialState(),
): State => events.reduce((state, event) => decider.evolve(state, event), from);
