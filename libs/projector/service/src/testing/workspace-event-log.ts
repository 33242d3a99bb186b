import type { EventEnvelope } from '@parley/contracts';
import type { ProjectableEvent } from '@parley/projections';

/**
 * The event log of workspace ws1 as its admin (admin-1) writes it, every event at `occurredAt`:
 * for the specs of the workspace's read models (template library, robot rules). Each call
 * stores changes in order in one stream, from revision 0, at the log's next positions; the
 * aggregate is the stream's name after its context (`crm-ws1:templates` → `ws1:templates`).
 * A change is an event of `Event` as its service decides it: type and payload, no metadata yet.
 */
export const workspaceEventLog = <Event extends EventEnvelope>(
  occurredAt: string,
  firstPosition = 10,
) => {
  let next = firstPosition;
  return (
    streamName: string,
    changes: readonly Pick<Event, 'type' | 'data'>[],
  ): ProjectableEvent[] =>
    changes.map((change, revision) => {
      const position = next++;
      return {
        streamName,
        revision,
        position: String(position),
        event: {
          ...change,
          metadata: {
            eventId: `e${position}`,
            workspaceId: 'ws1',
            aggregateId: streamName.slice(streamName.indexOf('-') + 1),
            occurredAt,
            schemaVersion: 1,
            correlationId: `c${position}`,
            causationId: null,
            actor: { kind: 'manager', id: 'admin-1' },
          },
        },
      };
    });
};
