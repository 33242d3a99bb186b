import { EventCatalog } from '../upcasting/event-catalog';
import { validateEventEnvelope } from '../validation/envelope-validation';
import { channelEventDefinitions } from './channel-event-definitions';
import type { ChannelEvent } from './channel-events';

/** The channel's events as their consumers read them: upcast to the current version, validated. */
const channelEvents = new EventCatalog().register(...channelEventDefinitions);

/**
 * A channel event from the bus, lifted to its current version and checked against its DTO,
 * envelope and payload both (docs/style.md 19). A payload that fails throws a
 * ContractViolation, so the bus dead-letters it with the reason instead of half-applying it.
 * `type` is the event type the handler was routed for: a payload of another type is refused.
 */
export const readChannelEvent = <T extends ChannelEvent['type']>(
  type: T,
  payload: unknown,
): Extract<ChannelEvent, { type: T }> => {
  const event = channelEvents.upcast(validateEventEnvelope(payload));
  channelEvents.validateData(event);
  if (event.type !== type) {
    throw new TypeError(`expected a ${type} event, got ${event.type}`);
  }
  return event as Extract<ChannelEvent, { type: T }>;
};
