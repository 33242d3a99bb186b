import { CARDS_COLLECTION, type ClientCard } from '@parley/contracts';
import { assertNever } from '@parley/decider';
import { markApplied, notYetApplied } from '../applied-revision';
import { withInsertDefaults } from '../insert-defaults';
import { personName, type ProjectedEvent } from '../projected-event';
import type {
  OperationUpdate,
  ProjectableEvent,
  ReadModelOperation,
} from '../read-model-operation';

type CardContact = NonNullable<ClientCard['contact']>;
type CardDeal = NonNullable<ClientCard['deal']>;

/**
 * The `cards` read model (R1, R3): the contact card and deal of a conversation, `_id` = the
 * conversation id. Contact and deal come from different streams, so each event upserts its half
 * and defaults the other to null.
 */
export const clientCardOperations = (
  event: ProjectedEvent,
  source: ProjectableEvent,
): ReadModelOperation[] => {
  const upsertCard = (update: OperationUpdate): ReadModelOperation => ({
    collection: CARDS_COLLECTION,
    filter: {
      _id: event.data.conversationId,
      ...notYetApplied(source.streamName, source.revision),
    },
    update: withInsertDefaults(update, {
      workspaceId: event.metadata.workspaceId,
      contact: null,
      deal: null,
    }),
    upsert: true,
  });
  const applied = markApplied(source.streamName, source.revision);

  switch (event.type) {
    case 'Crm.ContactCreated': {
      const d = event.data;
      const contact: CardContact = {
        contactId: d.contactId,
        telegramId: d.telegramId,
        username: d.username,
        name: personName(d.firstName, d.lastName),
        languageCode: d.languageCode,
        platform: d.platform,
        channel: d.channel,
        attribution: d.attribution,
        country: null,
        createdAt: d.createdAt,
        salesSum: 0,
        salesCount: 0,
        responsibleManagerId: null,
        tags: [],
      };
      return [upsertCard({ $set: { contact, ...applied } })];
    }
    case 'Crm.DealCreated': {
      const d = event.data;
      const deal: CardDeal = {
        dealId: d.dealId,
        stage: d.stage,
        line: d.line,
        channel: d.channel,
        createdAt: d.createdAt,
      };
      return [upsertCard({ $set: { deal, ...applied } })];
    }
    case 'Conversation.Started':
    case 'Conversation.ClientMessageReceived':
    case 'Conversation.ManagerMessageQueued':
    case 'Conversation.MessageDelivered':
    case 'Conversation.MessageDeliveryFailed':
    case 'Conversation.ManagerMessageRequeued':
    case 'Conversation.MessageMarkedSent':
    case 'Conversation.MarkedRead':
      return [];
    default:
      return assertNever(event, 'projected event');
  }
};
