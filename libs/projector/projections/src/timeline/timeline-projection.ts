import {
  TIMELINE_COLLECTION,
  type DeliveryState,
  type TimelineAction,
  type TimelineItem,
  type TimelineTranslation,
  type TimelineMedia,
  type TimelineMessage,
} from '@parley/contracts';
import { assertNever } from '@parley/decider';
import { markApplied, notYetApplied } from '../applied-revision';
import { personName, type ProjectedEvent } from '../projected-event';
import type { ProjectableEvent, ReadModelOperation } from '../read-model-operation';

/** `{conversationId}|{itemId}`: a message's item id is its message id, an action's its event id. */
export const timelineItemId = (conversationId: string, itemId: string): string =>
  `${conversationId}|${itemId}`;

/** The global position, zero-padded to 20 digits so that string order is numeric order. */
export const timelineSeq = (position: string): string => {
  if (!/^\d{1,20}$/.test(position)) throw new Error(`position "${position}" is not a log position`);
  return position.padStart(20, '0');
};

const TIME_DIGITS = 15;
const NUMBER_DIGITS = 20;

/**
 * A timeline item's `orderKey` (C3, C7): decimal digits, so string order is timeline order and
 * the key is a URL-safe page cursor. Milliseconds since 1970 of the time the item stands at (15
 * digits), then at the same millisecond other items (`0`, by `seq`) before client messages (`1`,
 * by the client's order, then `seq`).
 */
export const timelineOrderKey = (
  placedAt: string,
  position: string,
  clientOrder: number | null | 'not a client message',
): string => {
  const ms = Date.parse(placedAt);
  if (!Number.isFinite(ms)) throw new Error(`time "${placedAt}" is not a time`);
  const time = String(Math.max(0, ms)).padStart(TIME_DIGITS, '0');
  const seq = timelineSeq(position);
  if (clientOrder === 'not a client message') return `${time}0${seq}`;
  return `${time}1${String(clientOrder ?? 0).padStart(NUMBER_DIGITS, '0')}${seq}`;
};

/**
 * The `timeline` read model (C3, C4): one document per message or action of a conversation.
 * `at` is the time the event's data gives (when the client sent it, when it was queued, ...),
 * `seq` the event's global position, `actor` who caused it (from the event's metadata),
 * `orderKey` its place (`timelineOrderKey`): a client message where the conversation placed it
 * in the client's order (`placedAt`), anything else at its own time.
 */
export const timelineOperations = (
  event: ProjectedEvent,
  source: ProjectableEvent,
): ReadModelOperation[] => {
  const conversationId = event.data.conversationId;
  const applied = markApplied(source.streamName, source.revision);
  const guard = notYetApplied(source.streamName, source.revision);

  const createItem = (
    itemId: string,
    at: string,
    item: TimelineMessage | TimelineAction,
    orderKey = timelineOrderKey(at, source.position, 'not a client message'),
  ): ReadModelOperation => {
    const { _id, ...fields }: TimelineItem = {
      _id: timelineItemId(conversationId, itemId),
      workspaceId: event.metadata.workspaceId,
      conversationId,
      at,
      seq: timelineSeq(source.position),
      orderKey,
      actor: event.metadata.actor,
      item,
    };
    return {
      collection: TIMELINE_COLLECTION,
      filter: { _id, ...guard },
      update: { $set: { ...fields, ...applied } },
      upsert: true,
    };
  };
  const setDelivery = (messageId: string, delivery: DeliveryState): ReadModelOperation => ({
    collection: TIMELINE_COLLECTION,
    filter: { _id: timelineItemId(conversationId, messageId), ...guard },
    update: { $set: { 'item.delivery': delivery, ...applied } },
    // The item was created by the queued event of the same stream; never create half of one.
    upsert: false,
  });
  /** A client message's file: fetched (its media id) or failed (the reason), on its item. */
  const setMedia = (messageId: string, media: TimelineMedia): ReadModelOperation => ({
    collection: TIMELINE_COLLECTION,
    filter: { _id: timelineItemId(conversationId, messageId), ...guard },
    update: { $set: { 'item.media': media, ...applied } },
    // The item was created by the message's own event, earlier in the same stream.
    upsert: false,
  });
  const action = (
    action: string,
    summary: string,
    details: Record<string, unknown>,
  ): TimelineAction => ({ kind: 'action', action, summary, details });

  /**
   * A person's CRM change (C3, issue 10), or where they put the chat (L4, L8), at the time it
   * was made: `summary` is "<who> <did what>" with the actor's id, `details` what changed, for
   * the web app to put in words.
   */
  const crmAction = (
    name: string,
    didWhat: string,
    details: Record<string, unknown>,
  ): ReadModelOperation =>
    createItem(
      event.metadata.eventId,
      event.metadata.occurredAt,
      action(name, `${event.metadata.actor.id} ${didWhat}`, details),
    );

  switch (event.type) {
    case 'Conversation.Started':
      return [];
    case 'Conversation.ClientMessageReceived': {
      const { messageId, content, sentAt, clientOrder, placedAt } = event.data;
      return [
        createItem(
          messageId,
          sentAt,
          { kind: 'message', messageId, direction: 'in', content, delivery: null },
          timelineOrderKey(placedAt, source.position, clientOrder),
        ),
      ];
    }
    case 'Conversation.ClientMessageEdited': {
      const d = event.data;
      if (d.previousVersion === null) {
        // An edit of a message Parley never saw: kept as its own item, marked edited.
        return [
          createItem(
            d.messageId,
            d.sentAt,
            {
              kind: 'message',
              messageId: d.messageId,
              direction: 'in',
              content: d.content,
              delivery: null,
              edited: { at: d.editedAt, earlierVersions: [] },
            },
            timelineOrderKey(d.placedAt, source.position, d.clientOrder),
          ),
        ];
      }
      return [
        {
          collection: TIMELINE_COLLECTION,
          filter: { _id: timelineItemId(conversationId, d.messageId), ...guard },
          update: {
            $set: { 'item.content': d.content, 'item.edited.at': d.editedAt, ...applied },
            $push: { 'item.edited.earlierVersions': d.previousVersion },
          },
          // The item was created by the message's own event of the same stream.
          upsert: false,
        },
      ];
    }
    case 'Conversation.ClientBlockedBot':
      return [
        createItem(
          event.metadata.eventId,
          event.data.blockedAt,
          action('client.blocked_bot', 'The client blocked the bot', {}),
        ),
      ];
    case 'Conversation.ClientUnblockedBot':
      return [
        createItem(
          event.metadata.eventId,
          event.data.unblockedAt,
          action('client.unblocked_bot', 'The client unblocked the bot', {}),
        ),
      ];
    case 'Conversation.ClientMediaFetched': {
      const { messageId, mediaId, contentType, size } = event.data;
      return [setMedia(messageId, { status: 'fetched', mediaId, contentType, size })];
    }
    case 'Conversation.ClientMediaFetchFailed': {
      const { messageId, reason, fileName, fileSize } = event.data;
      return [setMedia(messageId, { status: 'failed', reason, fileName, fileSize })];
    }
    case 'Conversation.ManagerMessageQueued': {
      const { messageId, content, queuedAt, translatedFrom } = event.data;
      const item = createItem(messageId, queuedAt, {
        kind: 'message',
        messageId,
        direction: 'out',
        content,
        delivery: { status: 'sending' },
      });
      if (!translatedFrom) return [item];
      // Sent in translation (B4): the timeline keeps what the manager wrote beside it.
      const translation: TimelineTranslation = {
        status: 'original',
        text: translatedFrom.text,
        language: translatedFrom.language,
      };
      return [{ ...item, update: { $set: { ...item.update['$set'], translation } } }];
    }
    case 'Conversation.MessageDelivered':
      return [setDelivery(event.data.messageId, { status: 'sent', at: event.data.deliveredAt })];
    case 'Conversation.MessageDeliveryFailed': {
      const { messageId, reason, code, failedAt } = event.data;
      return [setDelivery(messageId, { status: 'error', reason, code, at: failedAt })];
    }
    case 'Conversation.ManagerMessageRequeued':
      return [setDelivery(event.data.messageId, { status: 'sending' })];
    case 'Conversation.MessageMarkedSent': {
      const { messageId, managerId, markedAt } = event.data;
      return [setDelivery(messageId, { status: 'sent', at: markedAt, markedSentBy: managerId })];
    }
    case 'Conversation.MarkedRead': {
      const { managerId, readAt } = event.data;
      return [
        createItem(
          event.metadata.eventId,
          readAt,
          action('conversation.read', `Read by ${managerId}`, { managerId }),
        ),
      ];
    }
    case 'Crm.ContactCreated': {
      const { contactId, firstName, lastName, username, attribution, createdAt } = event.data;
      const name = personName(firstName, lastName);
      return [
        createItem(
          event.metadata.eventId,
          createdAt,
          action('contact.created', `Contact created: ${name}`, {
            contactId,
            name,
            username,
            source: attribution.source,
            campaign: attribution.campaign,
          }),
        ),
      ];
    }
    case 'Crm.DealCreated': {
      const { dealId, stage, line, channel, createdAt } = event.data;
      return [
        createItem(
          event.metadata.eventId,
          createdAt,
          action('deal.created', `Deal created at stage "${stage}", line ${line}`, {
            dealId,
            stage,
            line,
            channel,
          }),
        ),
      ];
    }
    case 'Crm.TagAdded':
    case 'Crm.TagRemoved': {
      const { contactId, tag } = event.data;
      const added = event.type === 'Crm.TagAdded';
      return [
        crmAction(
          added ? 'tag.added' : 'tag.removed',
          `${added ? 'added' : 'removed'} the tag "${tag.name}"`,
          {
            contactId,
            tag: tag.name,
            colour: tag.colour,
          },
        ),
      ];
    }
    case 'Crm.ResponsibleManagerAssigned': {
      const { contactId, managerId, previousManagerId } = event.data;
      return [
        crmAction(
          'responsible_manager.assigned',
          previousManagerId === null
            ? `assigned ${managerId} as responsible manager`
            : `reassigned the contact from ${previousManagerId} to ${managerId}`,
          { contactId, managerId, previousManagerId },
        ),
      ];
    }
    case 'Crm.ResponsibleManagerUnassigned': {
      const { contactId, previousManagerId } = event.data;
      return [
        crmAction(
          'responsible_manager.unassigned',
          `unassigned ${previousManagerId} as responsible manager`,
          { contactId, previousManagerId },
        ),
      ];
    }
    case 'Crm.ContactEdited': {
      const { contactId, changes } = event.data;
      return [
        crmAction(
          'contact.edited',
          `edited the contact: ${changes.map((c) => c.field).join(', ')}`,
          {
            contactId,
            changes,
          },
        ),
      ];
    }
    case 'Crm.SaleRecorded': {
      const { contactId, saleId, accountId, amount, amountMinor, currency } = event.data;
      return [
        crmAction(
          'sale.recorded',
          `recorded a sale of ${amount} ${currency} (account ${accountId})`,
          {
            contactId,
            saleId,
            accountId,
            amount,
            amountMinor,
            currency,
          },
        ),
      ];
    }
    case 'Crm.DealStageChanged': {
      const { dealId, from, to, fromName, toName } = event.data;
      return [
        crmAction('deal.stage_changed', `moved the deal to "${toName}"`, {
          dealId,
          from,
          to,
          fromName,
          toName,
        }),
      ];
    }
    case 'Crm.DealLineChanged': {
      const { dealId, from, to } = event.data;
      return [crmAction('deal.line_changed', `moved the deal to line ${to}`, { dealId, from, to })];
    }
    case 'Crm.AttributionRecorded': {
      const { contactId, attribution } = event.data;
      return [
        createItem(
          event.metadata.eventId,
          event.metadata.occurredAt,
          action(
            'contact.attributed',
            attribution.source === null
              ? 'The client sent /start'
              : `The client came from ${attribution.source}`,
            {
              contactId,
              source: attribution.source,
              campaign: attribution.campaign,
              linkKey: attribution.linkKey ?? null,
            },
          ),
        ),
      ];
    }
    case 'Crm.ConversionRecorded': {
      const d = event.data;
      const money = d.amount !== null && d.currency !== null ? ` of ${d.amount} ${d.currency}` : '';
      return [
        createItem(
          event.metadata.eventId,
          d.occurredAt,
          action('conversion.recorded', `${d.conversionType} reported${money}`, {
            contactId: d.contactId,
            conversionType: d.conversionType,
            externalId: d.externalId,
            keyId: d.keyId,
            amount: d.amount,
            amountMinor: d.amountMinor,
            currency: d.currency,
            accountId: d.accountId,
          }),
        ),
      ];
    }
    case 'Conversation.Archived':
      return [crmAction('chat.archived', 'archived the chat', {})];
    case 'Conversation.Unarchived':
      return [crmAction('chat.unarchived', 'unarchived the chat', {})];
    case 'Conversation.Pinned':
      return [crmAction('chat.pinned', 'pinned the chat', {})];
    case 'Conversation.Unpinned':
      return [crmAction('chat.unpinned', 'unpinned the chat', {})];
    case 'Conversation.Ignored':
      return [crmAction('chat.ignored', 'put the client on the ignore list', {})];
    case 'Conversation.Unignored':
      return [crmAction('chat.unignored', 'took the client off the ignore list', {})];
    case 'Conversation.MarkedUnread':
      return [crmAction('chat.marked_unread', 'marked the chat unread', {})];
    default:
      return assertNever(event, 'projected event');
  }
};
