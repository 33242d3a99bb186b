import { EventCatalog } from '../upcasting/event-catalog';
import { eventReader } from '../upcasting/read-event';
import { conversationEventDefinitions } from './conversation-event-definitions';
import type { ConversationEvent } from './conversation-events';

/**
 * A conversation event from the bus, lifted to its current version (a v1
 * `Conversation.ClientMessageReceived` gains its order) and checked against its DTO, envelope
 * and payload both (docs/style.md 19): `readConversationEvent('Conversation.ManagerMessageQueued',
 * payload)`. A payload that fails, or one of another type, throws a ContractViolation.
 */
export const readConversationEvent = eventReader<ConversationEvent>(
  new EventCatalog().register(...conversationEventDefinitions),
);
