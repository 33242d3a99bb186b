import type { AppendedPosition, CommandEnvelope, EventEnvelope } from '@parley/contracts';
import { foldEvents, type DecidedEvent, type Decider } from '@parley/decider';
import { WrongExpectedVersion, type EventStore } from '@parley/eventstore';
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
}

/**
 * The one generic command handler (docs/style.md 6): read the stream, fold, decide, append with the
 * expected version; on a version conflict start over, a bounded number of times.
 * DomainRuleViolation from `decide` propagates for the caller to turn into a rejection.
 */
export const handleCommand = async <Command, Event extends DecidedEvent, State>(
  options: HandleCommandOptions<Command, Event, State>,
): Promise<AppendedPosition[]> => {
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const recorded = await options.store.readStream(options.streamName);
    const history = recorded.map((r) => r.event as EventEnvelope as unknown as Event);
    const state = foldEvents(options.decider, history);
    const decided = options.decider.decide(options.command, state);
    if (decided.length === 0) return [];
    const events = eventsForCommand(
      options.envelope,
      options.aggregateId,
      decided,
      options.schemaVersionOf,
      options.causationId,
    );
    const last = recorded.at(-1);
    try {
      const result = await options.store.append(options.streamName, events, {
        expected: last ? last.revision : 'no_stream',
      });
      return result.positions.map((p) => ({
        streamName: options.streamName,
        revision: p.revision,
        position: p.position.toString(),
      }));
    } catch (e) {
      if (e instanceof WrongExpectedVersion && attempt < maxAttempts) continue;
      throw e;
    }
  }
};
