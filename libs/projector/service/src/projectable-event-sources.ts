import {
  conversationEventDefinitions,
  crmEventDefinitions,
  EVENT_HEADERS,
  robotsEventDefinitions,
  tasksNotesEventDefinitions,
  translationEventDefinitions,
  EventCatalog,
  readEvent,
  validateEventEnvelope,
  type EventEnvelope,
} from '@parley/contracts';
import type { DeliveredMessage } from '@parley/bus';
import type { RecordedEvent } from '@parley/eventstore';
import type { ProjectableEvent } from '@parley/projections';

/** The events of the topics the projector reads, as it reads them: upcast, then validated. */
const projectorEvents = new EventCatalog().register(
  ...conversationEventDefinitions,
  ...crmEventDefinitions,
  ...tasksNotesEventDefinitions,
  ...robotsEventDefinitions,
  ...translationEventDefinitions,
);

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
 * so dead-lettered by the bus) rather than guessed at. The event itself is read through the
 * catalog (`projectedEventOf`): upcast, and its payload validated.
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
  return { streamName, revision, position, event: projectedEventOf(message.value) };
};

/**
 * The event a relayed message carries (docs/style.md 19). A type the catalog knows is lifted to
 * its current version and its payload checked against its DTO: a bad one throws a
 * ContractViolation naming the field, so the bus dead-letters it rather than half-projecting it.
 * A type the catalog does not know (a newer service's event on these topics) has its envelope
 * checked only and is passed on: `projectEvent` ignores every type no read model shows, and
 * every type a read model shows is in the catalog (the unit spec holds that true), so an
 * unknown type is never projected unvalidated, and refusing it would dead-letter harmless events.
 */
const projectedEventOf = (value: unknown): EventEnvelope => {
  const envelope = validateEventEnvelope(value);
  if (!projectorEvents.has(envelope.type)) return envelope;
  return readEvent(projectorEvents, envelope);
};
