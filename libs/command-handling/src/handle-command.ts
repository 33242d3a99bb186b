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
 * stream is not read again for every command.
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
    const events = eventsForCommand(
      options.envelope,
      options.aggregateId,
      decided,
      options.schemaVersionOf,
      options.causationId,
    );
    try {
      const result = await options.store.append(streamName, events, {
        expected: revision ?? 'no_stream',
      });
      if (result.appended && result.positions.length === decided.length) {
        states?.set(streamName, {
          state: foldEvents(decider, decided, state),
          revision: result.nextExpectedRevision,
        });
      }
      return result.positions.map((p) => ({
        streamName,
        revision: p.revision,
        position: p.position.toString(),
      }));
    } catch (e) {
      // The stream moved (or the folded state was wrong): the next try reads it whole.
      if (e instanceof WrongExpectedVersion) states?.delete(streamName);
      if (e instanceof WrongExpectedVersion && attempt < maxAttempts) continue;
      throw e;
    }
  }
};
