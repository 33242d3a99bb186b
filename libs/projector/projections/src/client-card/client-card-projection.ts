import { CARDS_COLLECTION, clickIdOf, type ClientCard } from '@parley/contracts';
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

/** One more sale in the card's counts; currency codes are three capital letters, safe as keys. */
const saleCounts = (currency: string, amountMinor: number): Record<string, number> => ({
  'contact.salesCount': 1,
  [`contact.salesByCurrency.${currency}.sumMinor`]: amountMinor,
  [`contact.salesByCurrency.${currency}.count`]: 1,
});
type CardDeal = NonNullable<ClientCard['deal']>;

/**
 * The `cards` read model (R1, R3): the contact card and deal of a conversation, `_id` = the
 * conversation id. Contact and deal come from different streams, so each event upserts its half
 * and defaults the other to null. A change of a contact or deal follows its creation in the same
 * stream, so it sets fields inside a half that exists. Tags keep the colour they had when added.
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
        phone: null,
        createdAt: d.createdAt,
        salesSum: 0,
        salesCount: 0,
        salesByCurrency: {},
        responsibleManagerId: null,
        tags: [],
        tagColours: [],
        clickId: clickIdOf(d.contactId),
        registeredAt: null,
        accountId: null,
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
    case 'Crm.TagAdded':
    case 'Crm.TagRemoved': {
      const { tags } = event.data;
      return [
        upsertCard({
          $set: {
            'contact.tags': tags.map((t) => t.name),
            'contact.tagColours': tags.map((t) => ({ name: t.name, colour: t.colour })),
            ...applied,
          },
        }),
      ];
    }
    case 'Crm.ResponsibleManagerAssigned':
      return [
        upsertCard({
          $set: { 'contact.responsibleManagerId': event.data.managerId, ...applied },
        }),
      ];
    case 'Crm.ResponsibleManagerUnassigned':
      return [upsertCard({ $set: { 'contact.responsibleManagerId': null, ...applied } })];
    case 'Crm.ContactEdited': {
      const fields = Object.fromEntries(
        event.data.changes.map((c) => [`contact.${c.field}`, c.to]),
      );
      return [upsertCard({ $set: { ...fields, ...applied } })];
    }
    case 'Crm.SaleRecorded': {
      const { currency, amountMinor, accountId } = event.data;
      return [
        upsertCard({
          $set: { 'contact.accountId': accountId, ...applied },
          $inc: saleCounts(currency, amountMinor),
        }),
      ];
    }
    case 'Crm.AttributionRecorded':
      return [upsertCard({ $set: { 'contact.attribution': event.data.attribution, ...applied } })];
    case 'Crm.ConversionRecorded': {
      const { conversionType, accountId, currency, amountMinor, occurredAt } = event.data;
      const set: Record<string, unknown> = { ...applied };
      if (conversionType === 'registration') set['contact.registeredAt'] = occurredAt;
      if (accountId !== null) set['contact.accountId'] = accountId;
      const money = currency !== null && amountMinor !== null;
      return [
        upsertCard(money ? { $set: set, $inc: saleCounts(currency, amountMinor) } : { $set: set }),
      ];
    }
    case 'Crm.DealStageChanged':
      return [upsertCard({ $set: { 'deal.stage': event.data.to, ...applied } })];
    case 'Crm.DealLineChanged':
      return [upsertCard({ $set: { 'deal.line': event.data.to, ...applied } })];
    case 'Conversation.Started':
    case 'Conversation.ClientMessageReceived':
    case 'Conversation.ClientMessageEdited':
    case 'Conversation.ClientBlockedBot':
    case 'Conversation.ClientUnblockedBot':
    case 'Conversation.ClientMediaFetched':
    case 'Conversation.ClientMediaFetchFailed':
    case 'Conversation.ManagerMessageQueued':
    case 'Conversation.MessageDelivered':
    case 'Conversation.MessageDeliveryFailed':
    case 'Conversation.ManagerMessageRequeued':
    case 'Conversation.MessageMarkedSent':
    case 'Conversation.MarkedRead':
    case 'Conversation.Archived':
    case 'Conversation.Unarchived':
    case 'Conversation.Pinned':
    case 'Conversation.Unpinned':
    case 'Conversation.Ignored':
    case 'Conversation.Unignored':
    case 'Conversation.MarkedUnread':
      return [];
    default:
      return assertNever(event, 'projected event');
  }
};
