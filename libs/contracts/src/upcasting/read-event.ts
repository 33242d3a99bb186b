import type { EventEnvelope } from '../envelope/event-envelope';
import { ContractViolation } from '../validation/contract-violation';
import { validateEventEnvelope } from '../validation/envelope-validation';
import type { EventCatalog } from './event-catalog';

/**
 * An event from across a process boundary (the bus, another service), as its consumers read it
 * (docs/style.md 19): the envelope checked, the event lifted to its type's current version, then
 * its payload checked against the current version's DTO. Anything wrong throws a
 * ContractViolation naming the field, so the bus dead-letters the message with the reason
 * instead of a handler half-applying it. A type the catalog does not know is refused too.
 */
export const readEvent = (catalog: EventCatalog, payload: unknown): EventEnvelope => {
  const event = catalog.upcast(validateEventEnvelope(payload));
  catalog.validateData(event);
  return event;
};

/** Reads one event of the given type, or throws: `readChannelEvent('Channel.ClientStarted', payload)`. */
export type EventReader<E extends EventEnvelope> = <T extends E['type']>(
  type: T,
  payload: unknown,
) => Extract<E, { type: T }>;

/**
 * A context's reader over its catalog: `readEvent`, then the type the handler was routed for,
 * so a payload of another type is refused rather than misread. The catalog must hold a
 * definition (with its DTO) for every type of `E`: that DTO is what makes the cast true.
 */
export const eventReader =
  <E extends EventEnvelope>(catalog: EventCatalog): EventReader<E> =>
  <T extends E['type']>(type: T, payload: unknown): Extract<E, { type: T }> => {
    const event = readEvent(catalog, payload);
    if (event.type !== type) {
      throw new ContractViolation(`${type} event`, [
        { field: 'type', reason: `must be ${type}, got ${event.type}` },
      ]);
    }
    return event as Extract<E, { type: T }>;
  };
