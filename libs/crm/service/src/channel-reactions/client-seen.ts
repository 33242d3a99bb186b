import {
  CRM_SERVICE,
  telegramContactId,
  telegramDealId,
  type ChannelMessageReceived,
  type ClientStarted,
} from '@parley/contracts';
import { handleCommand, reactionCommand } from '@parley/command-handling';
import {
  contactDecider,
  dealDecider,
  firstStage,
  NO_ATTRIBUTION,
  parseAttribution,
  type ContactCommand,
  type CreateContact,
  type CreateDeal,
} from '@parley/crm-domain';
import type { EventStore } from '@parley/eventstore';
import { CRM_ACTOR, crmStream, readCrmSettings } from '../crm-streams';

/** A channel event that shows a client: `/start` or any message. */
export type ClientSeen = ClientStarted | ChannelMessageReceived;

/**
 * The client showed up on a channel: make sure they have a contact (R1, with the deep link's
 * attribution, R2) and a deal (R3) in the pipeline's first live stage. Contact first, then deal; both are no-ops once done, so a
 * redelivered event, or one that arrives after a crash between the two appends, completes the
 * pair and duplicates nothing. Ids derive from the source event; the actor is the CRM itself.
 */
export const ensureContactAndDeal = async (store: EventStore, source: ClientSeen) => {
  const { workspaceId, eventId, occurredAt } = source.metadata;
  const { client, conversationId } = source.data;
  const contactId = telegramContactId(workspaceId, client.externalId);
  const dealId = telegramDealId(workspaceId, client.externalId);

  const started = source.type === 'Channel.ClientStarted';
  const settings = await readCrmSettings(store, workspaceId);
  const attribution = started
    ? parseAttribution(source.data.payload, settings.trackingLinks)
    : NO_ATTRIBUTION;
  const createContact: CreateContact = {
    kind: 'CreateContact',
    contactId,
    conversationId,
    client,
    attribution,
    started,
    createdAt: occurredAt,
  };
  const onContact = (command: ContactCommand) =>
    handleCommand({
      store,
      causationId: eventId,
      streamName: crmStream(contactId),
      aggregateId: contactId,
      decider: contactDecider,
      command,
      envelope: reactionCommand(source, {
        service: CRM_SERVICE,
        type: command.kind,
        aggregateId: contactId,
        actor: CRM_ACTOR,
      }),
    });
  await onContact(createContact);
  // A contact a message created first: this /start is the client's first (R2), unless one was
  // recorded before; the decider tells.
  if (started) await onContact({ kind: 'RecordStart', attribution });

  const createDeal: CreateDeal = {
    kind: 'CreateDeal',
    dealId,
    contactId,
    conversationId,
    stage: firstStage(settings),
    createdAt: occurredAt,
  };
  await handleCommand({
    store,
    causationId: eventId,
    streamName: crmStream(dealId),
    aggregateId: dealId,
    decider: dealDecider,
    command: createDeal,
    envelope: reactionCommand(source, {
      service: CRM_SERVICE,
      type: 'CreateDeal',
      aggregateId: dealId,
      actor: CRM_ACTOR,
    }),
  });
};
