import {
  crmEventDefinitions,
  EventCatalog,
  readEvent,
  streamName,
  type ClientMessageReceived,
  type RuleRan,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import {
  conversationFacts,
  type ConversationFacts,
  type ConversationParties,
  type FactsEvent,
} from '@parley/robots-domain';
import { robotsCatalog, runsStream } from '../robots-streams';

const crmCatalog = new EventCatalog().register(...crmEventDefinitions);

/** A contact's or deal's stream holds only contact or deal events: read, checked, upcast. */
const readFactsEvents = async (store: EventStore, aggregateId: string): Promise<FactsEvent[]> =>
  (await store.readStream(streamName('crm', aggregateId))).map(
    (r) => readEvent(crmCatalog, r.event) as unknown as FactsEvent,
  );

/**
 * The facts of a conversation as the CRM has them now: its contact's stream, then its deal's.
 * Null while the CRM has not recorded the deal (it creates the contact, then the deal, from the
 * same channel event the conversation records the message from).
 */
export const readConversationFacts = async (
  store: EventStore,
  conversationId: string,
  parties: ConversationParties,
): Promise<ConversationFacts | null> => {
  const contact = await readFactsEvents(store, parties.contactId);
  const deal = await readFactsEvents(store, parties.dealId);
  if (contact.length === 0 || deal.length === 0) return null;
  return conversationFacts(conversationId, [...contact, ...deal]);
};

/** Whether a client message is its conversation's first (the first one recorded there). */
export const isFirstClientMessage = async (
  store: EventStore,
  message: ClientMessageReceived,
): Promise<boolean> => {
  const recorded = await store.readStream(streamName('conversation', message.data.conversationId));
  const first = recorded.find((r) => r.event.type === 'Conversation.ClientMessageReceived');
  return first?.event.metadata.eventId === message.metadata.eventId;
};

/** What rules did to a conversation so far: its `Robots.RuleRan` events. */
export const readRuns = async (store: EventStore, conversationId: string): Promise<RuleRan[]> =>
  (await store.readStream(runsStream(conversationId)))
    .map((r) => readEvent(robotsCatalog, r.event))
    .filter((e): e is RuleRan => e.type === 'Robots.RuleRan');
