import { deterministicId, type CommandEnvelope, type EventEnvelope } from '@parley/contracts';
import type { DecidedEvent } from '@parley/decider';

/**
 * Wrap the events a command caused in full envelopes. Event ids derive from the command id and
 * the event's index, so handling the same command twice produces the same ids and the store's
 * duplicate check turns the second append into a no-op.
 */
export const eventsForCommand = (
  command: CommandEnvelope,
  aggregateId: string,
  decided: readonly DecidedEvent[],
  schemaVersionOf: (type: string) => number = () => 1,
  /** What caused the events: the command (default), or the event a reaction answers. */
  causationId: string = command.commandId,
): EventEnvelope[] =>
  decided.map((e, index) => ({
    type: e.type,
    data: e.data,
    metadata: {
      eventId: deterministicId('command-event', command.commandId, index),
      workspaceId: command.metadata.workspaceId,
      aggregateId,
      occurredAt: command.metadata.issuedAt,
      schemaVersion: schemaVersionOf(e.type),
      correlationId: command.metadata.correlationId,
      causationId,
      actor: command.metadata.actor,
    },
  }));
