import {
  crmEventDefinitions,
  crmSettingsId,
  EventCatalog,
  readEvent,
  streamName,
  templateLibraryId,
  type ClientMessageReceived,
  type ContactEvent,
  type CrmSettingsEvent,
  type RuleRan,
  type TemplateLibraryEvent,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import {
  clientDetails,
  conversationFacts,
  pipelineNames,
  templateLibrary,
  templateValues,
  type ActionClient,
  type ConversationFacts,
  type ConversationParties,
  type FactsEvent,
} from '@parley/robots-domain';
import { robotsCatalog, runsStream } from '../robots-streams';

const crmCatalog = new EventCatalog().register(...crmEventDefinitions);

/**
 * The events of one crm stream, read, checked and upcast. Each crm stream holds one aggregate's
 * events: a contact's or deal's, the workspace's settings, or its template library.
 */
const readCrmStream = async <E>(store: EventStore, aggregateId: string): Promise<E[]> =>
  (await store.readStream(streamName('crm', aggregateId))).map(
    (r) => readEvent(crmCatalog, r.event) as unknown as E,
  );

const readFactsEvents = (store: EventStore, aggregateId: string): Promise<FactsEvent[]> =>
  readCrmStream<FactsEvent>(store, aggregateId);

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

/**
 * What a run's `send_template` and `create_task` read when its commands are sent: the client's
 * name and responsible manager (the contact's stream), the stage names and registration link
 * (the workspace's crm settings), the templates and workspace variables (its template library).
 */
export const readActionClient = async (
  store: EventStore,
  parties: ConversationParties,
  facts: ConversationFacts,
): Promise<ActionClient> => {
  const [contact, settings, library] = await Promise.all([
    readCrmStream<ContactEvent>(store, parties.contactId),
    readCrmStream<CrmSettingsEvent>(store, crmSettingsId(parties.workspaceId)),
    readCrmStream<TemplateLibraryEvent>(store, templateLibraryId(parties.workspaceId)),
  ]);
  const client = clientDetails(contact);
  const templates = templateLibrary(library);
  return {
    templates,
    templateValues: templateValues({
      contactId: parties.contactId,
      client,
      stageId: facts.stage,
      pipeline: pipelineNames(settings),
      library: templates,
    }),
    responsibleManagerId: client.responsibleManagerId,
  };
};
