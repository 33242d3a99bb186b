import {
  isAttachmentContent,
  upcastConversationEvent,
  type AttachmentContent,
  type ConversationTranslationEvent,
  type MessageContent,
} from '@parley/contracts';
import { assertNever } from '@parley/decider';
import { isProjectedEvent, personName, type ProjectedEvent } from '../projected-event';
import type { ProjectableEvent } from '../read-model-operation';
import { timelineItemId, timelineOrderKey } from '../timeline/timeline-projection';
import { isProjectedConversationTranslationEvent } from '../translation/translation-projection';
import type { SearchOperation } from './search-operation';

/**
 * The words a message can be found by (L2): a text, or the caption of a file; a venue's title
 * and address, a poll's question and options. Null for a message without words (a sticker, a
 * location, a file without caption).
 */
export const searchableText = (content: MessageContent | AttachmentContent): string | null => {
  if (isAttachmentContent(content)) return nonEmpty(content.caption);
  switch (content.kind) {
    case 'text':
      return nonEmpty(content.text);
    case 'photo':
    case 'video':
    case 'video_note':
    case 'voice':
    case 'audio':
    case 'document':
    case 'animation':
    case 'unsupported':
      return nonEmpty(content.caption);
    case 'venue':
      return nonEmpty(`${content.title}\n${content.address}`);
    case 'poll':
      return nonEmpty([content.question, ...content.options].join('\n'));
    case 'sticker':
    case 'location':
    case 'contact':
    case 'dice':
      return null;
    default:
      return assertNever(content, 'message content');
  }
};

const nonEmpty = (text: string | null): string | null =>
  text === null || text.trim() === '' ? null : text;

/**
 * What a stored event does to the search read model (L2): the contact's name, username and
 * tags; the text of every message, its detected language and its translation (issue 12); and the
 * chat's last activity (the same times the chat list moves it by). Messages carry their timeline
 * item's `_id` and `orderKey`, computed as the timeline projection computes them, so a hit opens
 * the conversation at the message. Pure; an empty list for events search does not show.
 */
export const searchOperations = (source: ProjectableEvent): SearchOperation[] => {
  if (isProjectedConversationTranslationEvent(source.event)) {
    return translationOperations(source.event, source.position);
  }
  if (!isProjectedEvent(source.event)) return [];
  return conversationOperations(upcastConversationEvent(source.event), source.position);
};

const translationOperations = (
  event: ConversationTranslationEvent,
  position: string,
): SearchOperation[] => {
  const { workspaceId } = event.metadata;
  const { conversationId } = event.data;
  switch (event.type) {
    case 'Translation.LanguageDetected':
      return [
        {
          kind: 'message-language',
          workspaceId,
          conversationId,
          position,
          timelineItemId: timelineItemId(conversationId, event.data.messageId),
          language: event.data.language,
        },
      ];
    case 'Translation.MessageTranslated':
      return [
        {
          kind: 'message-translation',
          workspaceId,
          conversationId,
          position,
          timelineItemId: timelineItemId(conversationId, event.data.messageId),
          text: event.data.text,
          language: event.data.to,
        },
      ];
    case 'Translation.MessageTranslationFailed':
    case 'Translation.ConversationLanguagesChosen':
    case 'Translation.ConversationScored':
    case 'Translation.ConversationScoringFailed':
      return [];
    default:
      return assertNever(event, 'conversation translation event');
  }
};

const conversationOperations = (event: ProjectedEvent, position: string): SearchOperation[] => {
  const { workspaceId } = event.metadata;
  const { conversationId } = event.data;
  const activity = (at: string): SearchOperation => ({
    kind: 'conversation-activity',
    workspaceId,
    conversationId,
    at,
  });
  /** A message with words, placed on the timeline (or not, for an edit); none without words. */
  const message = (
    messageId: string,
    content: MessageContent | AttachmentContent,
    placement: { orderKey: string; direction: 'in' | 'out'; at: string } | null,
  ): SearchOperation[] => {
    const text = searchableText(content);
    if (text === null) return [];
    return [
      {
        kind: 'message',
        workspaceId,
        conversationId,
        position,
        timelineItemId: timelineItemId(conversationId, messageId),
        text,
        orderKey: placement?.orderKey ?? null,
        direction: placement?.direction ?? null,
        at: placement?.at ?? null,
      },
    ];
  };
  /** A CRM change moves the chat's activity to its time, as the chat list does (L6). */
  const crmChange = (): SearchOperation[] => [activity(event.metadata.occurredAt)];

  switch (event.type) {
    case 'Conversation.Started': {
      const { client, startedAt } = event.data;
      return [
        {
          kind: 'contact-profile',
          workspaceId,
          conversationId,
          position,
          name: personName(client.firstName, client.lastName),
          username: client.username,
        },
        activity(startedAt),
      ];
    }
    case 'Conversation.ClientMessageReceived': {
      const { messageId, content, sentAt, clientOrder, placedAt } = event.data;
      const orderKey = timelineOrderKey(placedAt, position, clientOrder);
      return [
        ...message(messageId, content, { orderKey, direction: 'in', at: sentAt }),
        activity(sentAt),
      ];
    }
    case 'Conversation.ClientMessageEdited': {
      const d = event.data;
      if (d.previousVersion !== null) return message(d.messageId, d.content, null);
      // An edit of a message Parley never saw: a message of its own, as on the timeline.
      const orderKey = timelineOrderKey(d.placedAt, position, d.clientOrder);
      return [
        ...message(d.messageId, d.content, { orderKey, direction: 'in', at: d.sentAt }),
        activity(d.sentAt),
      ];
    }
    case 'Conversation.ManagerMessageQueued': {
      const { messageId, content, queuedAt, translatedFrom } = event.data;
      const orderKey = timelineOrderKey(queuedAt, position, 'not a client message');
      const operations = message(messageId, content, { orderKey, direction: 'out', at: queuedAt });
      if (translatedFrom && operations.length > 0) {
        // Sent in translation (B4): what the manager wrote finds the message too.
        operations.push({
          kind: 'message-translation',
          workspaceId,
          conversationId,
          position,
          timelineItemId: timelineItemId(conversationId, messageId),
          text: translatedFrom.text,
          language: translatedFrom.language,
        });
      }
      return [...operations, activity(queuedAt)];
    }
    case 'Crm.ContactCreated': {
      const { firstName, lastName, username, createdAt } = event.data;
      return [
        {
          kind: 'contact-profile',
          workspaceId,
          conversationId,
          position,
          name: personName(firstName, lastName),
          username,
        },
        activity(createdAt),
      ];
    }
    case 'Crm.ContactEdited': {
      const name = event.data.changes.find((c) => c.field === 'name');
      const profile: SearchOperation[] = name
        ? [
            {
              kind: 'contact-profile',
              workspaceId,
              conversationId,
              position,
              name: name.to ?? '',
            },
          ]
        : [];
      return [...profile, ...crmChange()];
    }
    case 'Crm.TagAdded':
    case 'Crm.TagRemoved':
      return [
        {
          kind: 'contact-tags',
          workspaceId,
          conversationId,
          position,
          tags: event.data.tags.map((t) => t.name),
        },
        ...crmChange(),
      ];
    case 'Crm.DealCreated':
      return [activity(event.data.createdAt)];
    case 'Crm.ConversionRecorded':
      return [activity(event.data.occurredAt)];
    case 'Crm.ResponsibleManagerAssigned':
    case 'Crm.ResponsibleManagerUnassigned':
    case 'Crm.SaleRecorded':
    case 'Crm.DealStageChanged':
    case 'Crm.DealLineChanged':
      return crmChange();
    case 'Conversation.ClientBlockedBot':
    case 'Conversation.ClientUnblockedBot':
    case 'Conversation.ClientMediaFetched':
    case 'Conversation.ClientMediaFetchFailed':
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
    case 'Crm.AttributionRecorded':
      return [];
    default:
      return assertNever(event, 'projected event');
  }
};
