import { EventCatalog } from '../upcasting/event-catalog';
import { eventReader } from '../upcasting/read-event';
import { channelEventDefinitions } from './channel-event-definitions';
import type { ChannelEvent } from './channel-events';

/**
 * A channel event from the bus, lifted to its current version and checked against its DTO,
 * envelope and payload both (docs/style.md 19). A payload that fails throws a
 * ContractViolation, so the bus dead-letters it with the reason instead of half-applying it.
 * `type` is the event type the handler was routed for: a payload of another type is refused.
 */
export const readChannelEvent = eventReader<ChannelEvent>(
  new EventCatalog().register(...channelEventDefinitions),
);
