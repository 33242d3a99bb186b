import {
  CHATS_COLLECTION,
  contentPreview,
  managerMessagePreview,
  type ChatHandler,
  type ChatListItem,
} from '@parley/contracts';
import { assertNever } from '@parley/decider';
import { markApplied, notYetApplied } from '../applied-revision';
import { withInsertDefaults } from '../insert-defaults';
import { timelineOrderKey } from '../timeline/timeline-projection';
import { personName, type ProjectedEvent } from '../projected-event';
import type {
  OperationUpdate,
  ProjectableEvent,
  ReadModelOperation,
} from '../read-model-operation';

/**
 * The id of the message shown as `lastMessage`, kept beside it so a delivery result can tell
 * whether it concerns the last message. Starts with '_': the gateway does not return it.
 */
export const LAST_MESSAGE_ID_FIELD = '_lastMessageId';

/**
 * The timeline `orderKey` of the message shown as `lastMessage`: a message replaces it only when
 * it stands later in the timeline (C7), so an older message that arrives late does not.
 */
export const LAST_MESSAGE_KEY_FIELD = '_lastMessageKey';

/**
 * A new chat's fields, for whichever event creates the document (a CRM event may arrive before
 * `Conversation.Started`: the topics are read independently). Status: a chat nobody wrote in yet
 * shows the client's arrival as a system notification.
 */
const chatDefaults = (workspaceId: string, at: string): Record<string, unknown> => ({
  workspaceId,
  channel: 'telegram' satisfies ChatListItem['channel'],
  'contact.contactId': null,
  'contact.name': '',
  'contact.username': null,
  'contact.avatarUrl': null,
  tags: [],
  lastMessage: null,
  lastActivityAt: at,
  status: 'new_system_notification' satisfies ChatListItem['status'],
  unreadCount: 0,
  archived: false,
  pinned: false,
  handledBy: null,
  ignored: false,
  markedUnread: false,
  source: null,
  responsibleManagerId: null,
  deal: null,
  languages: [],
  clientBlockedBotAt: null,
  [LAST_MESSAGE_ID_FIELD]: null,
  [LAST_MESSAGE_KEY_FIELD]: null,
});

/**
 * `handledBy` (L8's Auto and Manual tabs): whose hand was last on the chat, set by every change
 * a robot or a manager made. A manager reading the chat (MarkedRead) or marking it unread to
 * come back to it (MarkedUnread, L9) is not handling it.
 */
const handlerOf = (event: ProjectedEvent): ChatHandler | null => {
  const { kind } = event.metadata.actor;
  if (event.type === 'Conversation.MarkedRead' || event.type === 'Conversation.MarkedUnread') {
    return null;
  }
  return kind === 'robot' || kind === 'manager' ? kind : null;
};

/**
 * The `chats` read model (L1, L5, L6): one document per conversation, `_id` = conversation id.
 *
 * Status (L5) decisions:
 * - `Conversation.Started` → `new_system_notification` (the client arrived; nothing to read yet);
 * - a client message → `new_message`, unread + 1, also one that arrives late (C7): the manager
 *   has not seen it; it becomes `lastMessage` only when it stands last in the timeline;
 * - a manager message queued (sending) → `lastMessage` and activity move, the status is kept:
 *   `sent` is only shown once the channel delivered it;
 * - delivered → `sent`, only when that message is still the chat's last message;
 * - delivery failed → `error`, whichever message failed: a manager must notice it (C4);
 * - requeued (a manager's retry) → nothing changes: like a queued message, the status waits for
 *   the channel's result;
 * - marked sent (a manager confirmed an `unconfirmed` message) → like delivered;
 * - marked read → `read`, unread 0, the manager's unread mark (L9) cleared;
 * - marked unread (L9) → `markedUnread`, the status kept: the list shows the mark beside it;
 * - an ignored client's message (L8) counts unread and sets `new_message` like any other (it is
 *   kept), but does not bring an archived chat back and leaves `ignored` as it is: the chat stays
 *   under the Ignored tab, which every other tab (and its count) leaves out.
 * Last activity (L1, L6) is the latest time of a message or a CRM action (contact, deal created);
 * reading and delivery results do not move a chat up the list. It is a `$max`, so it does not
 * depend on the order in which the conversation and CRM topics are read.
 * `source` (the attribution source, a chat-list filter) is the contact's, from its creation or
 * the first `/start` recorded after it.
 * Fields owned by the CRM (contact id, deal, tags, responsible, source) are only defaulted by
 * conversation events, never overwritten, and the other way round.
 */
export const chatListOperations = (
  event: ProjectedEvent,
  source: ProjectableEvent,
): ReadModelOperation[] => {
  const conversationId = event.data.conversationId;
  const workspaceId = event.metadata.workspaceId;
  const guarded = { _id: conversationId, ...notYetApplied(source.streamName, source.revision) };
  const applied = markApplied(source.streamName, source.revision);
  const handler = handlerOf(event);
  const upsertChat = (
    at: string,
    update: OperationUpdate,
    extraDefaults: Record<string, unknown> = {},
  ): ReadModelOperation => ({
    collection: CHATS_COLLECTION,
    filter: guarded,
    update: withInsertDefaults(
      handler ? { ...update, $set: { ...update['$set'], handledBy: handler } } : update,
      { ...chatDefaults(workspaceId, at), ...extraDefaults },
    ),
    upsert: true,
  });

  /**
   * A message: the update with it as `lastMessage` when its timeline key is later than the last
   * message's (or there is none), the same without when it is earlier. The two filters exclude
   * each other, so one of the two applies; the other matches nothing (the position guard once
   * the first applied, the key otherwise).
   */
  const messageOperations = (
    at: string,
    orderKey: string,
    lastMessage: Record<string, unknown>,
    update: { $set: Record<string, unknown> } & OperationUpdate,
  ): ReadModelOperation[] => [
    {
      ...upsertChat(at, {
        ...update,
        $set: { ...update.$set, ...lastMessage, [LAST_MESSAGE_KEY_FIELD]: orderKey },
      }),
      filter: {
        ...guarded,
        $and: [
          {
            $or: [
              { [LAST_MESSAGE_KEY_FIELD]: { $exists: false } },
              { [LAST_MESSAGE_KEY_FIELD]: null },
              { [LAST_MESSAGE_KEY_FIELD]: { $lt: orderKey } },
            ],
          },
        ],
      },
    },
    {
      collection: CHATS_COLLECTION,
      filter: { ...guarded, [LAST_MESSAGE_KEY_FIELD]: { $gte: orderKey } },
      update,
      upsert: false,
    },
  ];

  /** A CRM action (issue 10): its fields, and the chat's last activity moves to its time (L6). */
  const crmChange = (fields: Record<string, unknown>): ReadModelOperation => {
    const at = event.metadata.occurredAt;
    return upsertChat(at, { $set: { ...fields, ...applied }, $max: { lastActivityAt: at } });
  };

  /** Archived, pinned or ignored (L4, L8): where the chat is listed; its activity does not move. */
  const placement = (at: string, fields: Record<string, unknown>): ReadModelOperation =>
    upsertChat(at, { $set: { ...fields, ...applied } });

  switch (event.type) {
    case 'Conversation.Started': {
      const { client, source: channel, startedAt } = event.data;
      return [
        upsertChat(startedAt, {
          $set: {
            channel: channel.channel,
            'contact.name': personName(client.firstName, client.lastName),
            'contact.username': client.username,
            status: 'new_system_notification',
            unreadCount: 0,
            archived: false,
            languages: client.languageCode ? [client.languageCode] : [],
            ...applied,
          },
          $max: { lastActivityAt: startedAt },
        }),
      ];
    }
    case 'Conversation.ClientMessageReceived': {
      const { content, sentAt, messageId, clientOrder, placedAt } = event.data;
      // The client wrote: an archived chat is back in the list (L4), as in the conversation;
      // not an ignored client's (L8). After the message's own operations, on the chat that has
      // just applied this revision (and nothing later of the stream): so a redelivery after a
      // crash between the two still unarchives it, and a later Archived is never undone.
      const unarchive: ReadModelOperation = {
        collection: CHATS_COLLECTION,
        filter: {
          _id: conversationId,
          ...markApplied(source.streamName, source.revision),
          ignored: { $ne: true },
        },
        update: { $set: { archived: false } },
        upsert: false,
      };
      return [
        ...messageOperations(
          sentAt,
          timelineOrderKey(placedAt, source.position, clientOrder),
          {
            lastMessage: {
              direction: 'in',
              kind: content.kind,
              preview: contentPreview(content),
              at: sentAt,
            },
            [LAST_MESSAGE_ID_FIELD]: messageId,
          },
          {
            $set: { status: 'new_message', ...applied },
            $inc: { unreadCount: 1 },
            $max: { lastActivityAt: sentAt },
          },
        ),
        unarchive,
      ];
    }
    case 'Conversation.ClientMessageEdited': {
      const { content, sentAt, messageId, clientOrder, placedAt, previousVersion } = event.data;
      const lastMessage = {
        direction: 'in',
        kind: content.kind,
        preview: contentPreview(content),
        at: sentAt,
      };
      if (previousVersion === null) {
        // A message Parley never saw, kept as its own: new to the manager, like any message.
        return messageOperations(
          sentAt,
          timelineOrderKey(placedAt, source.position, clientOrder),
          { lastMessage, [LAST_MESSAGE_ID_FIELD]: messageId },
          {
            $set: { status: 'new_message', ...applied },
            $inc: { unreadCount: 1 },
            $max: { lastActivityAt: sentAt },
          },
        );
      }
      // The preview follows the edit when the edited message is the chat's last one.
      return [
        {
          collection: CHATS_COLLECTION,
          filter: { ...guarded, [LAST_MESSAGE_ID_FIELD]: messageId },
          update: { $set: { lastMessage, ...applied } },
          upsert: false,
        },
      ];
    }
    case 'Conversation.ClientBlockedBot':
      return [
        upsertChat(event.data.blockedAt, {
          $set: { clientBlockedBotAt: event.data.blockedAt, ...applied },
        }),
      ];
    case 'Conversation.ClientUnblockedBot':
      return [
        upsertChat(event.data.unblockedAt, { $set: { clientBlockedBotAt: null, ...applied } }),
      ];
    case 'Conversation.ClientMediaFetched':
    case 'Conversation.ClientMediaFetchFailed':
      // The chat's last message preview names the kind and caption, not the file.
      return [];
    case 'Conversation.ManagerMessageQueued': {
      const { content, queuedAt, messageId } = event.data;
      return messageOperations(
        queuedAt,
        timelineOrderKey(queuedAt, source.position, 'not a client message'),
        {
          lastMessage: {
            direction: 'out',
            kind: content.kind,
            preview: managerMessagePreview(content),
            at: queuedAt,
          },
          [LAST_MESSAGE_ID_FIELD]: messageId,
        },
        { $set: { ...applied }, $max: { lastActivityAt: queuedAt } },
      );
    }
    case 'Conversation.ManagerMessageRequeued':
      return [];
    case 'Conversation.MessageDelivered':
    case 'Conversation.MessageMarkedSent':
      // Only when the delivered message is still the last one; no upsert: the chat exists
      // (the message was queued on it) and a filter that names the message must not create one.
      return [
        {
          collection: CHATS_COLLECTION,
          filter: { ...guarded, [LAST_MESSAGE_ID_FIELD]: event.data.messageId },
          update: { $set: { status: 'sent', ...applied } },
          upsert: false,
        },
      ];
    case 'Conversation.MessageDeliveryFailed':
      return [upsertChat(event.data.failedAt, { $set: { status: 'error', ...applied } })];
    case 'Conversation.MarkedRead':
      return [
        upsertChat(event.data.readAt, {
          $set: { status: 'read', unreadCount: 0, markedUnread: false, ...applied },
        }),
      ];
    case 'Conversation.MarkedUnread':
      return [upsertChat(event.data.markedUnreadAt, { $set: { markedUnread: true, ...applied } })];
    case 'Conversation.Archived':
      return [placement(event.data.archivedAt, { archived: true })];
    case 'Conversation.Unarchived':
      return [placement(event.data.unarchivedAt, { archived: false })];
    case 'Conversation.Pinned':
      return [placement(event.data.pinnedAt, { pinned: true })];
    case 'Conversation.Unpinned':
      return [placement(event.data.unpinnedAt, { pinned: false })];
    case 'Conversation.Ignored':
      return [placement(event.data.ignoredAt, { ignored: true })];
    case 'Conversation.Unignored':
      return [placement(event.data.unignoredAt, { ignored: false })];
    case 'Crm.ContactCreated': {
      const { contactId, firstName, lastName, username, attribution, createdAt } = event.data;
      return [
        upsertChat(
          createdAt,
          {
            $set: {
              'contact.contactId': contactId,
              source: attribution.source ?? null,
              ...applied,
            },
            $max: { lastActivityAt: createdAt },
          },
          { 'contact.name': personName(firstName, lastName), 'contact.username': username },
        ),
      ];
    }
    case 'Crm.DealCreated': {
      const { stage, line, createdAt } = event.data;
      return [
        upsertChat(createdAt, {
          $set: { deal: { stage, line }, ...applied },
          $max: { lastActivityAt: createdAt },
        }),
      ];
    }
    case 'Crm.TagAdded':
    case 'Crm.TagRemoved':
      return [crmChange({ tags: event.data.tags.map((t) => t.name) })];
    case 'Crm.ResponsibleManagerAssigned':
      return [crmChange({ responsibleManagerId: event.data.managerId })];
    case 'Crm.ResponsibleManagerUnassigned':
      return [crmChange({ responsibleManagerId: null })];
    case 'Crm.ContactEdited': {
      const name = event.data.changes.find((c) => c.field === 'name');
      return [crmChange(name ? { 'contact.name': name.to ?? '' } : {})];
    }
    case 'Crm.SaleRecorded':
      return [crmChange({})];
    case 'Crm.DealStageChanged':
      return [crmChange({ 'deal.stage': event.data.to })];
    case 'Crm.DealLineChanged':
      return [crmChange({ 'deal.line': event.data.to })];
    case 'Crm.AttributionRecorded':
      // The first `/start` after a message created the contact (R2): now the chat has a source.
      return [
        upsertChat(event.metadata.occurredAt, {
          $set: { source: event.data.attribution.source ?? null, ...applied },
        }),
      ];
    case 'Crm.ConversionRecorded': {
      // An external system's news (A3): the chat shows a system notification (L5).
      const at = event.data.occurredAt;
      return [
        upsertChat(at, {
          $set: { status: 'new_system_notification', ...applied },
          $max: { lastActivityAt: at },
        }),
      ];
    }
    default:
      return assertNever(event, 'projected event');
  }
};
