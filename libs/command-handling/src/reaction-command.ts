import {
  deterministicId,
  type Actor,
  type CommandEnvelope,
  type EventEnvelope,
} from '@parley/contracts';

export interface ReactionCommandOptions {
  /** The service reacting: `conversation`, `crm`, ... (also scopes the derived command id). */
  readonly service: string;
  readonly type: string;
  readonly aggregateId: string;
  /** Who acts: the source's actor (default) or the service itself. */
  readonly actor?: Actor;
}

/**
 * The command a service runs in reaction to an event, as if the event had sent it. Its id
 * derives from the source event's id, so a redelivered event runs "the same" command again and
 * its events get the same ids (the store then stores nothing new); it carries the source's
 * workspace, correlation and time. Pass `causationId: source.metadata.eventId` to handleCommand so
 * the new events point at the event that caused them (docs/style.md 7).
 */
export const reactionCommand = (
  source: EventEnvelope,
  o: ReactionCommandOptions,
): CommandEnvelope => ({
  commandId: deterministicId('reaction', o.service, o.type, source.metadata.eventId),
  service: o.service,
  type: o.type,
  data: {},
  metadata: {
    workspaceId: source.metadata.workspaceId,
    aggregateId: o.aggregateId,
    issuedAt: source.metadata.occurredAt,
    correlationId: source.metadata.correlationId,
    causationId: source.metadata.eventId,
    actor: o.actor ?? source.metadata.actor,
  },
});
