import type { EventStore } from '@parley/eventstore';

/** An aggregate's state folded from its stream up to and including `revision`. */
export interface FoldedState<State> {
  readonly state: State;
  readonly revision: number;
}

/**
 * The latest folded state of the most recently used streams (least recently used dropped past
 * `maxStreams`), so a command reads only the events after it instead of the whole stream: a
 * conversation with a thousand messages is folded once, not once per message. An entry is only
 * ever written with the revision its state was folded to, so it is never ahead of the store;
 * another writer's events are read from that revision on, the append's expected revision still
 * catches a race, and a conflict drops the entry so the next try reads the stream whole.
 */
export class AggregateStates<State> {
  private readonly entries = new Map<string, FoldedState<State>>();

  constructor(private readonly maxStreams = 1_000) {}

  get(streamName: string): FoldedState<State> | undefined {
    return this.entries.get(streamName);
  }

  set(streamName: string, folded: FoldedState<State>): void {
    this.entries.delete(streamName);
    this.entries.set(streamName, folded);
    if (this.entries.size > this.maxStreams) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(streamName: string): void {
    this.entries.delete(streamName);
  }

  get size(): number {
    return this.entries.size;
  }
}

const byStore = new WeakMap<EventStore, WeakMap<object, AggregateStates<unknown>>>();

/**
 * The states of one decider's streams in one event store (a state folded from one store is
 * never used with another, as in tests that open many).
 */
export const aggregateStatesFor = <State>(
  store: EventStore,
  decider: object,
): AggregateStates<State> => {
  let deciders = byStore.get(store);
  if (!deciders) {
    deciders = new WeakMap();
    byStore.set(store, deciders);
  }
  let states = deciders.get(decider);
  if (!states) {
    states = new AggregateStates<unknown>();
    deciders.set(decider, states);
  }
  return states as AggregateStates<State>;
};
