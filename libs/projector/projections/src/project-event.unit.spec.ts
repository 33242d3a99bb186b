import { clickIdOf, type EventEnvelope } from '@parley/contracts';
import { streamKey } from './applied-revision';
import { collectionsOf, projectEvent } from './project-event';
import type { ReadModelOperation } from './read-model-operation';
import {
  conversationHistory,
  recordInOrder,
  type StreamEvent,
} from './testing/conversation-history';
import { timelineOrderKey, timelineSeq } from './timeline/timeline-projection';

const h = conversationHistory();
const conversationStream = `conversation-${h.conversationId}`;
const guard = (stream: string, revision: number) => ({
  $or: [
    { [`_applied.${stream}`]: { $exists: false } },
    { [`_applied.${stream}`]: { $lt: revision } },
  ],
});

/** Given the events so far, then the operations the last one projects to. */
const givenEvents = (...events: StreamEvent[]) => {
  const recorded = recordInOrder(events);
  const last = recorded[recorded.length - 1]!;
  const projection = projectEvent(last);
  const operations = (collection: ReadModelOperation['collection']) =>
    (projection?.operations ?? []).filter((op) => op.collection === collection);
  return { last, projection, operations };
};

const T0 = '2026-11-25T10:00:00.000Z';
const T1 = '2026-11-25T10:01:00.000Z';
const T2 = '2026-11-25T10:02:00.000Z';
const T3 = '2026-11-25T10:03:00.000Z';

describe('projections: operations per event', () => {
  it('Conversation.Started upserts the chat with the client and defaults CRM-owned fields', () => {
    const { projection, operations } = givenEvents(h.started(T0));

    expect(projection).toMatchObject({ workspaceId: 'w1', conversationId: h.conversationId });
    expect(operations('timeline')).toEqual([]);
    expect(operations('cards')).toEqual([]);
    expect(operations('chats')).toEqual([
      {
        collection: 'chats',
        filter: { _id: h.conversationId, ...guard(conversationStream, 0) },
        update: {
          $set: {
            channel: 'telegram',
            'contact.name': 'Ann Karenina',
            'contact.username': 'ann_k',
            status: 'new_system_notification',
            unreadCount: 0,
            archived: false,
            languages: ['ru'],
            [`_applied.${conversationStream}`]: 0,
          },
          $max: { lastActivityAt: T0 },
          $setOnInsert: {
            workspaceId: 'w1',
            'contact.contactId': null,
            'contact.avatarUrl': null,
            tags: [],
            lastMessage: null,
            pinned: false,
            handledBy: null,
            ignored: false,
            markedUnread: false,
            source: null,
            responsibleManagerId: null,
            deal: null,
            clientBlockedBotAt: null,
            _lastMessageId: null,
            _lastMessageKey: null,
          },
        },
        upsert: true,
      },
    ]);
  });

  it('a client message adds an incoming timeline item and makes the chat unread', () => {
    const { operations } = givenEvents(h.started(T0), h.clientMessage('m1', 'Hello', T1));

    expect(operations('timeline')).toEqual([
      {
        collection: 'timeline',
        filter: { _id: `${h.conversationId}|m1`, ...guard(conversationStream, 1) },
        update: {
          $set: {
            workspaceId: 'w1',
            conversationId: h.conversationId,
            at: T1,
            seq: '00000000000000000002',
            orderKey: timelineOrderKey(T1, '2', null),
            actor: { kind: 'client', id: h.contactId },
            item: {
              kind: 'message',
              messageId: 'm1',
              direction: 'in',
              content: { kind: 'text', text: 'Hello' },
              delivery: null,
            },
            [`_applied.${conversationStream}`]: 1,
          },
        },
        upsert: true,
      },
    ]);
    const [chat] = operations('chats');
    expect(chat!.update).toMatchObject({
      $set: {
        lastMessage: { direction: 'in', kind: 'text', preview: 'Hello', at: T1 },
        _lastMessageId: 'm1',
        status: 'new_message',
      },
      $inc: { unreadCount: 1 },
      $max: { lastActivityAt: T1 },
    });
  });

  it('a client message Parley cannot show yet is a timeline item of its own kind, caption kept, and the last message of the chat says so', () => {
    const { operations } = givenEvents(
      h.started(T0),
      h.clientUnsupportedMessage('m1', 'photo', 'my receipt', T1),
    );

    expect(operations('timeline')[0]!.update['$set']).toMatchObject({
      at: T1,
      actor: { kind: 'client', id: h.contactId },
      item: {
        kind: 'message',
        messageId: 'm1',
        direction: 'in',
        content: { kind: 'unsupported', unsupportedKind: 'photo', caption: 'my receipt' },
        delivery: null,
      },
    });
    expect(operations('chats')[0]!.update).toMatchObject({
      $set: {
        lastMessage: {
          direction: 'in',
          kind: 'unsupported',
          preview: 'Unsupported message (photo): my receipt',
          at: T1,
        },
        _lastMessageId: 'm1',
        status: 'new_message',
      },
      $inc: { unreadCount: 1 },
      $max: { lastActivityAt: T1 },
    });
  });

  it('an unsupported message without a caption previews as "Unsupported message (kind)"', () => {
    const { operations } = givenEvents(
      h.started(T0),
      h.clientUnsupportedMessage('m1', 'voice', null, T1),
    );

    expect(operations('chats')[0]!.update['$set']).toMatchObject({
      lastMessage: { kind: 'unsupported', preview: 'Unsupported message (voice)' },
    });
    expect(operations('timeline')[0]!.update['$set']).toMatchObject({
      item: { content: { kind: 'unsupported', unsupportedKind: 'voice', caption: null } },
    });
  });

  it('a queued manager message is "sending" on the timeline and keeps the chat status', () => {
    const { operations } = givenEvents(h.started(T0), h.managerMessage('o1', 'Hi Ann', T1));

    expect(operations('timeline')[0]!.update['$set']).toMatchObject({
      actor: { kind: 'manager', id: 'm1' },
      item: { kind: 'message', direction: 'out', delivery: { status: 'sending' } },
    });
    const chatSet = operations('chats')[0]!.update['$set']!;
    expect(chatSet).toMatchObject({
      lastMessage: { direction: 'out', preview: 'Hi Ann', at: T1 },
      _lastMessageId: 'o1',
    });
    expect(chatSet).not.toHaveProperty('status');
  });

  it('a delivered message is "sent" on the timeline, and on the chat only while it is the last message', () => {
    const { operations } = givenEvents(
      h.started(T0),
      h.managerMessage('o1', 'Hi', T1),
      h.delivered('o1', T2),
    );

    expect(operations('timeline')).toEqual([
      {
        collection: 'timeline',
        filter: { _id: `${h.conversationId}|o1`, ...guard(conversationStream, 2) },
        update: {
          $set: {
            'item.delivery': { status: 'sent', at: T2 },
            [`_applied.${conversationStream}`]: 2,
          },
        },
        upsert: false,
      },
    ]);
    expect(operations('chats')).toEqual([
      {
        collection: 'chats',
        filter: { _id: h.conversationId, ...guard(conversationStream, 2), _lastMessageId: 'o1' },
        update: { $set: { status: 'sent', [`_applied.${conversationStream}`]: 2 } },
        upsert: false,
      },
    ]);
  });

  it('a failed delivery shows the reason on the timeline and "error" on the chat', () => {
    const { operations } = givenEvents(
      h.started(T0),
      h.managerMessage('o1', 'Hi', T1),
      h.deliveryFailed('o1', T2),
    );

    expect(operations('timeline')[0]!.update['$set']).toMatchObject({
      'item.delivery': {
        status: 'error',
        code: 'blocked',
        reason: 'The client blocked the bot',
        at: T2,
      },
    });
    expect(operations('chats')[0]!.update['$set']).toMatchObject({ status: 'error' });
  });

  it('a retried message is "sending" again on the timeline; the chat keeps its status until the result', () => {
    const { projection, operations } = givenEvents(
      h.started(T0),
      h.managerMessage('o1', 'Hi', T1),
      h.deliveryFailed('o1', T2),
      h.requeued('o1', 'Hi', T3),
    );

    expect(projection).not.toBeNull();
    expect(operations('timeline')).toEqual([
      {
        collection: 'timeline',
        filter: { _id: `${h.conversationId}|o1`, ...guard(conversationStream, 3) },
        update: {
          $set: {
            'item.delivery': { status: 'sending' },
            [`_applied.${conversationStream}`]: 3,
          },
        },
        upsert: false,
      },
    ]);
    expect(operations('chats')).toEqual([]);
    expect(operations('cards')).toEqual([]);
  });

  it('an unconfirmed message marked sent is "sent" on the timeline with the manager who marked it, and on the chat while it is the last message', () => {
    const { operations } = givenEvents(
      h.started(T0),
      h.managerMessage('o1', 'Hi', T1),
      h.deliveryFailed('o1', T2, 'unconfirmed', 'Telegram may have delivered it'),
      h.markedSent('o1', T3, 'manager-7'),
    );

    expect(operations('timeline')).toEqual([
      {
        collection: 'timeline',
        filter: { _id: `${h.conversationId}|o1`, ...guard(conversationStream, 3) },
        update: {
          $set: {
            'item.delivery': { status: 'sent', at: T3, markedSentBy: 'manager-7' },
            [`_applied.${conversationStream}`]: 3,
          },
        },
        upsert: false,
      },
    ]);
    expect(operations('chats')).toEqual([
      {
        collection: 'chats',
        filter: { _id: h.conversationId, ...guard(conversationStream, 3), _lastMessageId: 'o1' },
        update: { $set: { status: 'sent', [`_applied.${conversationStream}`]: 3 } },
        upsert: false,
      },
    ]);
  });

  it('marking read zeroes the unread count and adds "read by" to the timeline', () => {
    const { last, operations } = givenEvents(
      h.started(T0),
      h.clientMessage('m1', 'Hello', T1),
      h.markedRead(T2, 'manager-7'),
    );

    expect(operations('chats')[0]!.update['$set']).toMatchObject({
      status: 'read',
      unreadCount: 0,
    });
    expect(operations('chats')[0]!.update).not.toHaveProperty('$max');
    expect(operations('timeline')[0]).toMatchObject({
      filter: { _id: `${h.conversationId}|${last.event.metadata.eventId}` },
      update: {
        $set: {
          at: T2,
          actor: { kind: 'manager', id: 'manager-7' },
          item: {
            kind: 'action',
            action: 'conversation.read',
            summary: 'Read by manager-7',
            details: { managerId: 'manager-7' },
          },
        },
      },
    });
  });

  it('Crm.ContactCreated fills the card, links the chat to the contact, and adds an action', () => {
    const { operations } = givenEvents(h.contactCreated(T1));
    const crmStream = `crm-${h.contactId}`;

    expect(operations('cards')).toEqual([
      {
        collection: 'cards',
        filter: { _id: h.conversationId, ...guard(crmStream, 0) },
        update: {
          $set: {
            contact: {
              contactId: h.contactId,
              telegramId: '42',
              username: 'ann_k',
              name: 'Ann Karenina',
              languageCode: 'ru',
              platform: 'telegram',
              channel: 'telegram',
              attribution: {
                source: 'fb',
                campaign: 'spring',
                ad: 'a1',
                adSet: 's1',
                raw: 'fb_spring_s1_a1',
              },
              country: null,
              phone: null,
              createdAt: T1,
              salesSum: 0,
              salesCount: 0,
              salesByCurrency: {},
              responsibleManagerId: null,
              tags: [],
              tagColours: [],
              clickId: clickIdOf(h.contactId),
              registeredAt: null,
              accountId: null,
            },
            [`_applied.${crmStream}`]: 0,
          },
          $setOnInsert: { workspaceId: 'w1', deal: null },
        },
        upsert: true,
      },
    ]);
    expect(operations('chats')[0]!.update).toMatchObject({
      $set: { 'contact.contactId': h.contactId },
      $setOnInsert: { 'contact.name': 'Ann Karenina', 'contact.username': 'ann_k' },
    });
    expect(operations('timeline')[0]!.update['$set']).toMatchObject({
      item: { kind: 'action', action: 'contact.created', summary: 'Contact created: Ann Karenina' },
    });
  });

  it('Crm.DealCreated fills the deal of the card and of the chat, and adds an action', () => {
    const { operations } = givenEvents(h.dealCreated(T3));

    expect(operations('cards')[0]!.update).toEqual({
      $set: {
        deal: { dealId: h.dealId, stage: 'new', line: 1, channel: 'telegram', createdAt: T3 },
        [`_applied.crm-${h.dealId}`]: 0,
      },
      $setOnInsert: { workspaceId: 'w1', contact: null },
    });
    expect(operations('chats')[0]!.update['$set']).toMatchObject({
      deal: { stage: 'new', line: 1 },
    });
    expect(operations('timeline')[0]!.update['$set']).toMatchObject({
      item: { action: 'deal.created', details: { dealId: h.dealId, stage: 'new', line: 1 } },
    });
  });

  it('no update writes one path with two operators (MongoDB would refuse it)', () => {
    const recorded = recordInOrder([
      h.started(T0),
      h.clientMessage('m1', 'Hello', T1),
      h.managerMessage('o1', 'Hi', T1),
      h.delivered('o1', T2),
      h.deliveryFailed('o1', T2),
      h.markedRead(T2),
      h.contactCreated(T3),
      h.dealCreated(T3),
    ]);
    for (const r of recorded) {
      for (const op of projectEvent(r)!.operations) {
        const paths = Object.values(op.update).flatMap((fields) => Object.keys(fields));
        for (const a of paths) {
          const clashes = paths.filter((b) => a === b || b.startsWith(`${a}.`));
          expect({ type: r.event.type, path: a, clashes }).toEqual({
            type: r.event.type,
            path: a,
            clashes: [a],
          });
        }
      }
    }
  });

  it('events no read model shows project to nothing', () => {
    const channelEvent: EventEnvelope = {
      ...h.clientMessage('m1', 'Hello', T1).event,
      type: 'Channel.MessageReceived',
    };
    expect(
      projectEvent({ streamName: 'channel-x', revision: 0, position: '1', event: channelEvent }),
    ).toBeNull();
  });

  it('collections are listed in a stable order', () => {
    const { projection } = givenEvents(h.contactCreated(T1));
    expect(collectionsOf(projection!)).toEqual(['chats', 'timeline', 'cards']);
  });
});

describe('projections: positions and stream keys', () => {
  it('seq is the position zero-padded to 20 digits, so string order is numeric order', () => {
    expect(timelineSeq('9')).toBe('00000000000000000009');
    expect(timelineSeq('10') > timelineSeq('9')).toBe(true);
    expect(() => timelineSeq('-1')).toThrow(/not a log position/);
  });

  it('a stream name with a dot cannot be a document key', () => {
    expect(streamKey('conversation-w1:tg:1:2')).toBe('conversation-w1:tg:1:2');
    expect(() => streamKey('conversation-w1.x')).toThrow(/cannot be a read-model field name/);
  });
});
