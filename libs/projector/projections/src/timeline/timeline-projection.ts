import {
  TIMELINE_COLLECTION,
  type DeliveryState,
  type TimelineAction,
  type TimelineItem,
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

/**
 * The `timeline` read model (C3, C4): one document per message or action of a conversation.
 * `at` is the time the event's data gives (when the client sent it, when it was queued, ...),
 * `seq` the event's global position, `actor` who caused it (from the event's metadata).
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
  ): ReadModelOperation => {
    const { _id, ...fields }: TimelineItem = {
      _id: timelineItemId(conversationId, itemId),
      workspaceId: event.metadata.workspaceId,
      conversationId,
      at,
      seq: timelineSeq(source.position),
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
  const action = (
    action: string,
    summary: string,
    details: Record<string, unknown>,
  ): TimelineAction => ({ kind: 'action', action, summary, details });

  switch (event.type) {
    case 'Conversation.Started':
      return [];
    case 'Conversation.ClientMessageReceived': {
      const { messageId, content, sentAt } = event.data;
      return [
        createItem(messageId, sentAt, {
          kind: 'message',
          messageId,
          direction: 'in',
          content,
          delivery: null,
        }),
      ];
    }
    case 'Conversation.ManagerMessageQueued': {
      const { messageId, content, queuedAt } = event.data;
      return [
        createItem(messageId, queuedAt, {
          kind: 'message',
          messageId,
          direction: 'out',
          content,
          delivery: { status: 'sending' },
        }),
      ];
    }
    case 'Conversation.MessageDelivered':
      return [setDelivery(event.data.messageId, { status: 'sent', at: event.data.deliveredAt })];
    case 'Conversation.MessageDeliveryFailed': {
      const { messageId, reason, code, failedAt } = event.data;
      return [setDelivery(messageId, { status: 'error', reason, code, at: failedAt })];
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
    default:
      return assertNever(event, 'projected event');
  }
};
