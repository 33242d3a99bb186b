import {
  crmEventDefinitions,
  EventCatalog,
  readEvent,
  streamName,
  telegramContactId,
  telegramDealId,
  templateLibraryId,
  type ContactEvent,
  type DealEvent,
  type TemplateLibraryEvent,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import type { ClientCardForPrompt, TemplateForPrompt } from '@parley/translation-domain';

const crmCatalog = new EventCatalog().register(...crmEventDefinitions);

/** The events of one crm stream (a contact's, a deal's, the template library), checked. */
const readCrmStream = async <E>(store: EventStore, aggregateId: string): Promise<E[]> =>
  (await store.readStream(streamName('crm', aggregateId))).map(
    (r) => readEvent(crmCatalog, r.event) as unknown as E,
  );

/**
 * The contact and deal of a Telegram conversation `ws:tg:botId:chatId`: in a private chat the
 * chat id is the client's user id, which the CRM keys them by (as the robots find them). Null
 * for another id: the card then has no facts.
 */
const crmIdsOf = (conversationId: string): { contactId: string; dealId: string } | null => {
  const [workspaceId, channel, , chatId] = conversationId.split(':');
  if (!workspaceId || channel !== 'tg' || !chatId || !/^\d+$/.test(chatId)) return null;
  return {
    contactId: telegramContactId(workspaceId, chatId),
    dealId: telegramDealId(workspaceId, chatId),
  };
};

const fullName = (first: string, last: string | null): string =>
  last ? `${first} ${last}` : first;

/** A contact's and deal's events, folded into what a prompt may know of the client. */
export const clientCardOf = (
  contact: readonly ContactEvent[],
  deal: readonly DealEvent[],
  languageCode: string | null,
): ClientCardForPrompt => {
  let name = '';
  let tags: readonly string[] = [];
  for (const event of contact) {
    if (event.type === 'Crm.ContactCreated') {
      name = fullName(event.data.firstName, event.data.lastName);
    } else if (event.type === 'Crm.ContactEdited') {
      const renamed = event.data.changes.find((change) => change.field === 'name');
      if (renamed?.to) name = renamed.to;
    } else if (event.type === 'Crm.TagAdded' || event.type === 'Crm.TagRemoved') {
      tags = event.data.tags.map((tag) => tag.name);
    }
  }
  let stage: string | null = null;
  for (const event of deal) {
    if (event.type === 'Crm.DealCreated') stage = event.data.stage;
    else if (event.type === 'Crm.DealStageChanged') stage = event.data.toName || event.data.to;
  }
  return { name, stage, tags, languageCode };
};

/** The library's templates as they stand: name and text, in the order they were created. */
export const templatesOf = (library: readonly TemplateLibraryEvent[]): TemplateForPrompt[] => {
  const templates = new Map<string, TemplateForPrompt>();
  for (const event of library) {
    if (event.type === 'Crm.TemplateCreated' || event.type === 'Crm.TemplateChanged') {
      templates.set(event.data.templateId, { name: event.data.name, text: event.data.text });
    } else if (event.type === 'Crm.TemplateDeleted') {
      templates.delete(event.data.templateId);
    }
  }
  return [...templates.values()];
};

/** The client card of a conversation for a prompt: name, stage and tags from the CRM. */
export const readClientCard = async (
  store: EventStore,
  conversationId: string,
  languageCode: string | null,
): Promise<ClientCardForPrompt> => {
  const ids = crmIdsOf(conversationId);
  if (!ids) return { name: '', stage: null, tags: [], languageCode };
  const [contact, deal] = await Promise.all([
    readCrmStream<ContactEvent>(store, ids.contactId),
    readCrmStream<DealEvent>(store, ids.dealId),
  ]);
  return clientCardOf(contact, deal, languageCode);
};

/** The workspace's reply templates (`crm-{ws}:templates`). */
export const readTemplates = async (
  store: EventStore,
  workspaceId: string,
): Promise<TemplateForPrompt[]> =>
  templatesOf(await readCrmStream<TemplateLibraryEvent>(store, templateLibraryId(workspaceId)));
