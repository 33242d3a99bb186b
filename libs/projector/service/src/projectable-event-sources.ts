import { EVENT_HEADERS, type EventEnvelope } from '@parley/contracts';
import type { DeliveredMessage } from '@parley/bus';
import type { RecordedEvent } from '@parley/eventstore';
import type { ProjectableEvent } from '@parley/projections';

/** A stored event (rebuild from the event store). */
export const fromRecordedEvent = (recorded: RecordedEvent): ProjectableEvent => ({
  streamName: recorded.streamName,
  revision: recorded.revision,
  position: recorded.position.toString(),
  event: recorded.event,
});

/**
 * An event from the bus: the envelope is the payload, where it sits in the store comes from the
 * headers the relay sets. A message without them cannot be applied in order: it is refused (and
 * so dead-lettered by the bus) rather than guessed at.
 */
export const fromDeliveredEvent = (message: DeliveredMessage): ProjectableEvent => {
  const streamName = message.headers[EVENT_HEADERS.streamName];
  const revision = Number(message.headers[EVENT_HEADERS.revision]);
  const position = message.headers[EVENT_HEADERS.position];
  if (
    !streamName ||
    !Number.isInteger(revision) ||
    revision < 0 ||
    !position ||
    !/^\d+$/.test(position)
  ) {
    throw new Error(
      `projector: message ${message.topic}/${message.partition}@${message.offset} lacks the ` +
        `stream, revision or position headers of a relayed event`,
    );
  }
  const event = message.value as EventEnvelope;
  if (typeof event?.type !== 'string' || typeof event.metadata?.workspaceId !== 'string') {
    throw new Error(
      `projector: message ${message.topic}@${message.offset} is not an event envelope`,
    );
  }
  return { streamName, revision, position, event };
};
