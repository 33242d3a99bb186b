import {
  deterministicId,
  telegramContactId,
  telegramDealId,
  type ClientMessageArrived,
  type ClientStarted,
  type CommandEnvelope,
} from '@parley/contracts';
import { handleCommand } from '@parley/command-handling';
import {
  contactDecider,
  dealDecider,
  NO_ATTRIBUTION,
  parseAttribution,
  type CreateContact,
  type CreateDeal,
} from '@parley/crm-domain';
import type { EventStore } from '@parley/eventstore';
import { CRM_ACTOR, CRM_SERVICE, crmStream } from '../crm-streams';
import { causedBySourceEvent } from './caused-by-source-event';

/** A channel event that shows a client: `/start` or any message. */
export type ClientSeen = ClientStarted | ClientMessageArrived;

/**
 * The client showed up on a channel: make sure they have a contact (R1, with the deep link's
 * attribution, R2) and a deal (R3). Contact first, then deal; both are no-ops once done, so a
 * redelivered event, or one that arrives after a crash between the two appends, completes the
 * pair and duplicates nothing. Ids derive from the source event; the actor is the CRM itself.
 */
export const ensureContactAndDeal = async (store: EventStore, source: ClientSeen) => {
  const { workspaceId, eventId, occurredAt } = source.metadata;
  const { client, conversationId } = source.data;
  const contactId = telegramContactId(workspaceId, client.externalId);
  const dealId = telegramDealId(workspaceId, client.externalId);
  const causedBy = causedBySourceEvent(store, eventId);

  const createContact: CreateContact = {
    kind: 'CreateContact',
    contactId,
    conversationId,
    client,
    attribution:
      source.type === 'Channel.ClientStarted'
        ? parseAttribution(source.data.payload)
        : NO_ATTRIBUTION,
    createdAt: occurredAt,
  };
  await handleCommand({
    store: causedBy,
    streamName: crmStream(contactId),
    aggregateId: contactId,
    decider: contactDecider,
    command: createContact,
    envelope: envelopeFor(source, 'CreateContact', contactId),
  });

  const createDeal: CreateDeal = {
    kind: 'CreateDeal',
    dealId,
    contactId,
    conversationId,
    createdAt: occurredAt,
  };
  await handleCommand({
    store: causedBy,
    streamName: crmStream(dealId),
    aggregateId: dealId,
    decider: dealDecider,
    command: createDeal,
    envelope: envelopeFor(source, 'CreateDeal', dealId),
  });
};

/** The synthetic command of a reaction: its id (so its events' ids) derive from the source. */
const envelopeFor = (source: ClientSeen, type: string, aggregateId: string): CommandEnvelope => ({
  commandId: deterministicId('crm-from', type, source.metadata.eventId),
  service: CRM_SERVICE,
  type,
  data: {},
  metadata: {
    workspaceId: source.metadata.workspaceId,
    aggregateId,
    issuedAt: source.metadata.occurredAt,
    correlationId: source.metadata.correlationId,
    causationId: source.metadata.eventId,
    actor: CRM_ACTOR,
  },
});
