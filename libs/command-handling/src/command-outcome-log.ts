import {
  COMMAND_OUTCOME_CATEGORY,
  deterministicId,
  streamName,
  type CommandEnvelope,
  type CommandOutcome,
  type EventEnvelope,
} from '@parley/contracts';
import { WrongExpectedVersion, type EventStore } from '@parley/eventstore';

export const COMMAND_ACCEPTED = 'Command.Accepted';
export const COMMAND_REJECTED = 'Command.Rejected';

export const outcomeStreamName = (commandId: string): string =>
  streamName(COMMAND_OUTCOME_CATEGORY, commandId);

/**
 * Outcomes are recorded in the event store, one stream per commandId, written with expected
 * version "no stream": the first outcome wins, a redelivered command finds it and does nothing.
 * The relay publishes outcome streams to `parley.command-results`, so an outcome is never
 * lost between "recorded" and "published" (the store is the outbox).
 */
export class CommandOutcomeLog {
  constructor(private readonly store: EventStore) {}

  async find(commandId: string): Promise<CommandOutcome | undefined> {
    const [first] = await this.store.readStream(outcomeStreamName(commandId), { maxCount: 1 });
    return first ? (first.event.data as unknown as CommandOutcome) : undefined;
  }

  /** Record the outcome unless one is already recorded; returns the one that stands. */
  async record(
    command: CommandEnvelope,
    outcome: CommandOutcome,
    at: string,
  ): Promise<CommandOutcome> {
    const event: EventEnvelope = {
      type: outcome.status === 'accepted' ? COMMAND_ACCEPTED : COMMAND_REJECTED,
      data: outcome as unknown as Record<string, unknown>,
      metadata: {
        eventId: deterministicId('command-outcome', command.commandId),
        workspaceId: command.metadata.workspaceId,
        aggregateId: command.commandId,
        occurredAt: at,
        schemaVersion: 1,
        correlationId: command.metadata.correlationId,
        causationId: command.commandId,
        actor: { kind: 'system', id: command.service },
      },
    };
    try {
      await this.store.append(outcomeStreamName(command.commandId), [event], {
        expected: 'no_stream',
      });
      return outcome;
    } catch (e) {
      if (!(e instanceof WrongExpectedVersion)) throw e;
      const standing = await this.find(command.commandId);
      if (!standing) throw e;
      return standing;
    }
  }
}
