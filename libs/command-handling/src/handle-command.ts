import type { AppendedPosition, CommandEnvelope, EventEnvelope } from '@parley/contracts';
import { foldEvents, type DecidedEvent, type Decider } from '@parley/decider';
import { WrongExpectedVersion, type EventStore } from '@parley/eventstore';
import { aggregateStatesFor, type AggregateStates } from './aggregate-states';
import { eventsForCommand } from './event-metadata-for-command';

export interface HandleCommandOptions<Command, Event extends DecidedEvent, State> {
  readonly store: EventStore;
  readonly streamName: string;
  readonly aggregateId: string;
  readonly decider: Decider<Command, Event, State>;
  /** The domain command, built from the envelope's data. */
  readonly command: Command;
  /** The envelope: ids, time, actor and correlation for the new events. */
  readonly envelope: CommandEnvelope;
  readonly schemaVersionOf?: (type: string) => number;
  /**
   * The causationId of the new events. Default: the command's id. A reaction to an event passes
   * that event's id, since its command (see reactionCommand) is not stored anywhere.
   */
  readonly causationId?: string;
  /** Attempts when another writer got to the stream first. Default 5. */
  readonly maxAttempts?: number;
  /**
   * Where folded states are kept between commands. Default: one cache per event store and
   * decider in this process (aggregateStatesFor); null reads and folds the whole stream each time.
   */
  readonly states?: AggregateStates<State> | null;
}

/**
 * The one generic command handler (docs/style.md 6): read the stream, fold, decide, append with the
 * expected version; on a version conflict start over, a bounded number of times. The stream is
 * read from the revision of the last state folded in this process (AggregateStates), so a long
 * stream is not read again for every command; and where that state decides events, they are
 * appended at once with its revision expected, without reading (a round trip fewer per command
 * on a stream this process wrote last; issue 8).
 * DomainRuleViolation from `decide` propagates for the caller to turn into a rejection.
 */
export const handleCommand = async <Command, Event extends DecidedEvent, State>(
  options: HandleCommandOptions<Command, Event, State>,
): Promise<AppendedPosition[]> => {
  const maxAttempts = options.maxAttempts ?? 5;
  const { decider, streamName } = options;
  const states =
    options.states === undefined
      ? aggregateStatesFor<State>(options.store, decider)
      : (options.states ?? undefined);
  // A state folded in this process decides without reading the stream: the append's expected
  // revision confirms it. A refusal or nothing to do is only trusted on the stream as it is, and
  // a conflict means the stream moved: either way, read on (this try counts as no attempt).
  const folded = states?.get(streamName);
  if (folded) {
    const decided = decidedOrNothing(decider, options.command, folded.state);
    if (decided.length > 0) {
      const appended = await appendDecided(options, states, decided, folded);
      if (!(appended instanceof WrongExpectedVersion)) return appended;
    }
  }
  for (let attempt = 1; ; attempt++) {
    const cached = states?.get(streamName);
    const recorded = await options.store.readStream(
      streamName,
      cached ? { fromRevision: cached.revision + 1 } : {},
    );
    const history = recorded.map((r) => r.event as EventEnvelope as unknown as Event);
    const state = history.reduce(
      (folded, event) => decider.evolve(folded, event),
      cached ? cached.state : decider.initialState(),
    );
    const revision = recorded.at(-1)?.revision ?? cached?.revision;
    if (revision !== undefined) states?.set(streamName, { state, revision });
    const decided = decider.decide(options.command, state);
    if (decided.length === 0) return [];
    const appended = await appendDecided(options, states, decided, { state, revision });
    if (!(appended instanceof WrongExpectedVersion)) return appended;
    if (attempt >= maxAttempts) throw appended;
  }
};

/** What `decide` makes of `state`, or nothing when it refuses (the caller reads and decides again). */
const decidedOrNothing = <Command, Event extends DecidedEvent, State>(
  decider: Decider<Command, Event, State>,
  command: Command,
  state: State,
): readonly Event[] => {
  try {
    return decider.decide(command, state);
  } catch {
    return [];
  }
};

/**
 * Append what was decided on `from` with its revision as the expected one, and keep the state
 * after it. When another writer got to the stream first, its conflict, and the stream's entry
 * is dropped so the next try reads it whole.
 */
const appendDecided = async <Command, Event extends DecidedEvent, State>(
  options: HandleCommandOptions<Command, Event, State>,
  states: AggregateStates<State> | undefined,
  decided: readonly Event[],
  from: { readonly state: State; readonly revision: number | undefined },
): Promise<AppendedPosition[] | WrongExpectedVersion> => {
  const { decider, streamName } = options;
  const events = eventsForCommand(
    options.envelope,
    options.aggregateId,
    decided,
    options.schemaVersionOf,
    options.causationId,
  );
  try {
    const result = await options.store.append(streamName, events, {
      expected: from.revision ?? 'no_stream',
    });
    if (result.appended && result.positions.length === decided.length) {
      states?.set(streamName, {
        state: foldEvents(decider, decided, from.state),
        revision: result.nextExpectedRevision,
      });
    }
    return result.positions.map((p) => ({
      streamName,
      revision: p.revision,
      position: p.position.toString(),
    }));
  } catch (e) {
    if (!(e instanceof WrongExpectedVersion)) throw e;
    states?.delete(streamName);
    return e;
  }
};
