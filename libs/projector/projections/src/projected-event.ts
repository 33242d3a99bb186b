import type { ConversationEvent, CrmEvent, EventEnvelope } from '@parley/contracts';

/** The events the projector turns into read models. */
export type ProjectedEvent = ConversationEvent | CrmEvent;
export type ProjectedEventType = ProjectedEvent['type'];

export const PROJECTED_EVENT_TYPES: readonly ProjectedEventType[] = [
  'Conversation.Started',
  'Conversation.ClientMessageReceived',
  'Conversation.ManagerMessageQueued',
  'Conversation.MessageDelivered',
  'Conversation.MessageDeliveryFailed',
  'Conversation.ManagerMessageRequeued',
  'Conversation.MessageMarkedSent',
  'Conversation.MarkedRead',
  'Crm.ContactCreated',
  'Crm.DealCreated',
];

/** The contexts whose events topics the projector reads. */
export const PROJECTED_CONTEXTS = ['conversation', 'crm'] as const;

export const isProjectedEvent = (event: EventEnvelope): event is ProjectedEvent =>
  (PROJECTED_EVENT_TYPES as readonly string[]).includes(event.type);

/** The display name of a client or contact: first and last name. */
export const personName = (firstName: string, lastName: string | null): string =>
  [firstName, lastName].filter((part) => part !== null && part.length > 0).join(' ');
