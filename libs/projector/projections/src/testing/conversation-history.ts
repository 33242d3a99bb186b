import {
  deterministicId,
  streamName,
  telegramContactId,
  telegramConversationId,
  telegramDealId,
  type Actor,
  type ClientMessageReceived,
  type EventEnvelope,
  type MessageContent,
  type MessageVersion,
  type TelegramSource,
} from '@parley/contracts';
import type { ProjectedEvent } from '../projected-event';
import type { ProjectableEvent } from '../read-model-operation';

/** Where the conversation placed a client message (`Conversation.ClientMessageReceived` v2). */
export type ClientMessageOrder = Pick<ClientMessageReceived['data'], 'clientOrder' | 'placedAt'>;

/** An event and the stream it is appended to. */
export interface StreamEvent {
  readonly streamName: string;
  readonly event: ProjectedEvent;
}

/**
 * Events of one Telegram conversation with its contact and deal, as the conversation and CRM
 * services write them: for projection specs (given events, then documents) here and in the
 * readers of the read models.
 */
export const conversationHistory = (workspaceId = 'w1', telegramUserId = '42', botId = '100') => {
  const conversationId = telegramConversationId(workspaceId, botId, telegramUserId);
  const contactId = telegramContactId(workspaceId, telegramUserId);
  const dealId = telegramDealId(workspaceId, telegramUserId);
  const source: TelegramSource = { channel: 'telegram', botId, chatId: telegramUserId };
  const client = {
    externalId: telegramUserId,
    username: 'ann_k',
    firstName: 'Ann',
    lastName: 'Karenina',
    languageCode: 'ru',
  };
  const clientActor: Actor = { kind: 'client', id: contactId };
  const systemActor: Actor = { kind: 'system', id: 'channel-telegram' };
  const crmActor: Actor = { kind: 'system', id: 'crm' };

  const envelope = <T extends ProjectedEvent>(
    type: T['type'],
    data: T['data'],
    aggregateId: string,
    occurredAt: string,
    actor: Actor,
  ): T =>
    ({
      type,
      data,
      metadata: {
        eventId: deterministicId('projector-spec', type, aggregateId, occurredAt),
        workspaceId,
        aggregateId,
        occurredAt,
        schemaVersion: 1,
        correlationId: deterministicId('projector-spec', aggregateId),
        causationId: null,
        actor,
      },
    }) as EventEnvelope as T;

  const inConversation = (event: ProjectedEvent): StreamEvent => ({
    streamName: streamName('conversation', conversationId),
    event,
  });
  const clientContent = (
    messageId: string,
    content: MessageContent,
    at: string,
    order: ClientMessageOrder = { clientOrder: null, placedAt: at },
  ): StreamEvent =>
    inConversation(
      envelope(
        'Conversation.ClientMessageReceived',
        {
          conversationId,
          messageId,
          externalMessageId:
            order.clientOrder === null ? `tg-${messageId}` : String(order.clientOrder),
          content,
          sentAt: at,
          ...order,
        },
        conversationId,
        at,
        clientActor,
      ),
    );

  const inCrm = (aggregateId: string, event: ProjectedEvent): StreamEvent => ({
    streamName: streamName('crm', aggregateId),
    event,
  });

  return {
    workspaceId,
    conversationId,
    contactId,
    dealId,
    started: (at: string): StreamEvent =>
      inConversation(
        envelope(
          'Conversation.Started',
          { conversationId, source, client, startedAt: at },
          conversationId,
          at,
          clientActor,
        ),
      ),
    /** A client message; `order` as the decider placed it (default: no order, placed at `at`). */
    clientMessage: (
      messageId: string,
      text: string,
      at: string,
      order?: ClientMessageOrder,
    ): StreamEvent => clientContent(messageId, { kind: 'text', text }, at, order),
    /** A client message as v1 wrote it, before C7's order: Telegram message id `telegramId`. */
    clientMessageV1: (
      messageId: string,
      text: string,
      at: string,
      telegramId: number,
    ): StreamEvent =>
      inConversation(
        envelope(
          'Conversation.ClientMessageReceived',
          {
            conversationId,
            messageId,
            externalMessageId: String(telegramId),
            content: { kind: 'text', text },
            sentAt: at,
          } as ClientMessageReceived['data'],
          conversationId,
          at,
          clientActor,
        ),
      ),
    /** A client message of a kind Parley cannot show yet (a photo, ...), with its caption. */
    clientUnsupportedMessage: (
      messageId: string,
      unsupportedKind: string,
      caption: string | null,
      at: string,
    ): StreamEvent =>
      clientContent(messageId, { kind: 'unsupported', unsupportedKind, caption }, at),
    /** A client message of any kind (issue 9): a photo, a voice message, a location, ... */
    clientContent,
    /**
     * The client edited a message (C5): `previous` is the version it replaces, null for a message
     * Parley never saw (then it stands at `sentAt`, placed there).
     */
    clientMessageEdited: (
      messageId: string,
      content: MessageContent,
      sentAt: string,
      editedAt: string,
      previous: MessageVersion | null,
    ): StreamEvent =>
      inConversation(
        envelope(
          'Conversation.ClientMessageEdited',
          {
            conversationId,
            messageId,
            externalMessageId: `tg-${messageId}`,
            editId: deterministicId('projector-spec-edit', messageId, editedAt),
            content,
            editedAt,
            previousVersion: previous,
            sentAt,
            clientOrder: null,
            placedAt: sentAt,
          },
          conversationId,
          editedAt,
          clientActor,
        ),
      ),
    clientBlockedBot: (at: string): StreamEvent =>
      inConversation(
        envelope(
          'Conversation.ClientBlockedBot',
          { conversationId, blockedAt: at },
          conversationId,
          at,
          clientActor,
        ),
      ),
    /** The channel fetched a client message's file into the media store (issue 9). */
    clientMediaFetched: (messageId: string, mediaId: string, at: string): StreamEvent =>
      inConversation(
        envelope(
          'Conversation.ClientMediaFetched',
          {
            conversationId,
            messageId,
            mediaId,
            contentType: 'image/png',
            size: 98_000,
            fetchedAt: at,
          },
          conversationId,
          at,
          { kind: 'system', id: 'channel-telegram' },
        ),
      ),
    /** A client message's file is too large to fetch (issue 9). */
    clientMediaTooLarge: (messageId: string, at: string): StreamEvent =>
      inConversation(
        envelope(
          'Conversation.ClientMediaFetchFailed',
          {
            conversationId,
            messageId,
            reason: 'too_large',
            fileName: 'film.mp4',
            fileSize: 31_000_000,
            failedAt: at,
          },
          conversationId,
          at,
          { kind: 'system', id: 'channel-telegram' },
        ),
      ),
    clientUnblockedBot: (at: string): StreamEvent =>
      inConversation(
        envelope(
          'Conversation.ClientUnblockedBot',
          { conversationId, unblockedAt: at },
          conversationId,
          at,
          clientActor,
        ),
      ),
    managerMessage: (messageId: string, text: string, at: string, managerId = 'm1'): StreamEvent =>
      inConversation(
        envelope(
          'Conversation.ManagerMessageQueued',
          {
            conversationId,
            messageId,
            managerId,
            recipient: source,
            content: { kind: 'text', text },
            queuedAt: at,
          },
          conversationId,
          at,
          { kind: 'manager', id: managerId },
        ),
      ),
    delivered: (messageId: string, at: string): StreamEvent =>
      inConversation(
        envelope(
          'Conversation.MessageDelivered',
          { conversationId, messageId, externalMessageId: `tg-${messageId}`, deliveredAt: at },
          conversationId,
          at,
          systemActor,
        ),
      ),
    deliveryFailed: (
      messageId: string,
      at: string,
      code = 'blocked',
      reason = 'The client blocked the bot',
    ): StreamEvent =>
      inConversation(
        envelope(
          'Conversation.MessageDeliveryFailed',
          { conversationId, messageId, code, reason, failedAt: at },
          conversationId,
          at,
          systemActor,
        ),
      ),
    requeued: (messageId: string, text: string, at: string, retry = 1, managerId = 'm2') =>
      inConversation(
        envelope(
          'Conversation.ManagerMessageRequeued',
          {
            conversationId,
            messageId,
            managerId,
            recipient: source,
            content: { kind: 'text', text },
            retry,
            requeuedAt: at,
          },
          conversationId,
          at,
          { kind: 'manager', id: managerId },
        ),
      ),
    markedSent: (messageId: string, at: string, managerId = 'm2'): StreamEvent =>
      inConversation(
        envelope(
          'Conversation.MessageMarkedSent',
          { conversationId, messageId, managerId, markedAt: at },
          conversationId,
          at,
          { kind: 'manager', id: managerId },
        ),
      ),
    markedRead: (at: string, managerId = 'm1'): StreamEvent =>
      inConversation(
        envelope(
          'Conversation.MarkedRead',
          { conversationId, managerId, readAt: at },
          conversationId,
          at,
          { kind: 'manager', id: managerId },
        ),
      ),
    /** The chat archived, unarchived, pinned or unpinned (L4, L8) by a manager or a robot. */
    placed: (
      placement: 'Archived' | 'Unarchived' | 'Pinned' | 'Unpinned',
      at: string,
      actor: Actor = { kind: 'manager', id: 'm1' },
    ): StreamEvent => {
      const data = { conversationId };
      const event = (() => {
        switch (placement) {
          case 'Archived':
            return envelope(
              'Conversation.Archived',
              { ...data, archivedAt: at },
              conversationId,
              at,
              actor,
            );
          case 'Unarchived':
            return envelope(
              'Conversation.Unarchived',
              { ...data, unarchivedAt: at },
              conversationId,
              at,
              actor,
            );
          case 'Pinned':
            return envelope(
              'Conversation.Pinned',
              { ...data, pinnedAt: at },
              conversationId,
              at,
              actor,
            );
          case 'Unpinned':
            return envelope(
              'Conversation.Unpinned',
              { ...data, unpinnedAt: at },
              conversationId,
              at,
              actor,
            );
        }
      })();
      return inConversation(event);
    },
    /** The client put on the ignore list or taken off it (L8), by a manager or a robot. */
    ignored: (
      ignored: boolean,
      at: string,
      actor: Actor = { kind: 'manager', id: 'm1' },
    ): StreamEvent =>
      inConversation(
        ignored
          ? envelope(
              'Conversation.Ignored',
              { conversationId, ignoredAt: at },
              conversationId,
              at,
              actor,
            )
          : envelope(
              'Conversation.Unignored',
              { conversationId, unignoredAt: at },
              conversationId,
              at,
              actor,
            ),
      ),
    /** A manager marked the chat unread (L9). */
    markedUnread: (at: string, managerId = 'm1'): StreamEvent =>
      inConversation(
        envelope(
          'Conversation.MarkedUnread',
          { conversationId, markedUnreadAt: at },
          conversationId,
          at,
          { kind: 'manager', id: managerId },
        ),
      ),
    /** The first `/start` after a message created the contact (R2), with this source. */
    attributionRecorded: (source: string | null, at: string): StreamEvent =>
      inCrm(
        contactId,
        envelope(
          'Crm.AttributionRecorded',
          {
            contactId,
            conversationId,
            attribution: { source, campaign: null, ad: null, adSet: null, raw: source },
          },
          contactId,
          at,
          crmActor,
        ),
      ),
    contactCreated: (at: string): StreamEvent =>
      inCrm(
        contactId,
        envelope(
          'Crm.ContactCreated',
          {
            contactId,
            conversationId,
            channel: 'telegram',
            platform: 'telegram',
            telegramId: telegramUserId,
            username: client.username,
            firstName: client.firstName,
            lastName: client.lastName,
            languageCode: client.languageCode,
            attribution: {
              source: 'fb',
              campaign: 'spring',
              ad: 'a1',
              adSet: 's1',
              raw: 'fb_spring_s1_a1',
            },
            createdAt: at,
          },
          contactId,
          at,
          crmActor,
        ),
      ),
    dealCreated: (at: string): StreamEvent =>
      inCrm(
        dealId,
        envelope(
          'Crm.DealCreated',
          {
            dealId,
            contactId,
            conversationId,
            stage: 'new',
            line: 1,
            channel: 'telegram',
            createdAt: at,
          },
          dealId,
          at,
          crmActor,
        ),
      ),
  };
};

/**
 * Record events as a store would: revisions counted per stream from 0, global positions from
 * `firstPosition` in the given order.
 */
export const recordInOrder = (
  events: readonly StreamEvent[],
  firstPosition = 1,
): ProjectableEvent[] => {
  const revisions = new Map<string, number>();
  return events.map((e, i) => {
    const revision = (revisions.get(e.streamName) ?? -1) + 1;
    revisions.set(e.streamName, revision);
    return {
      streamName: e.streamName,
      revision,
      position: String(firstPosition + i),
      event: e.event,
    };
  });
};
