import { deterministicId, type CommandEnvelope, type EventEnvelope } from '@parley/contracts';

/**
 * The command a reaction to a channel event runs, as if the event had sent it: its id derives
 * from the source event's id (a redelivered event runs "the same" command again, whose events
 * get the same ids), and it carries the source's actor, correlation and time.
 */
export const reactionEnvelope = (
  source: EventEnvelope,
  service: string,
  type: string,
  aggregateId: string,
): CommandEnvelope => ({
  commandId: deterministicId('conversation-from', source.metadata.eventId),
  service,
  type,
  data: {},
  metadata: {
    workspaceId: source.metadata.workspaceId,
    aggregateId,
    issuedAt: source.metadata.occurredAt,
    correlationId: source.metadata.correlationId,
    causationId: source.metadata.eventId,
    actor: source.metadata.actor,
  },
});
