import type {
  EventEnvelope,
  LanguageDetected,
  MessageTranslated,
  TagAdded,
  TagRemoved,
} from '@parley/contracts';
import type { ProjectableEvent } from '../read-model-operation';
import { conversationHistory, recordInOrder } from '../testing/conversation-history';
import { timelineOperations } from '../timeline/timeline-projection';
import { isProjectedEvent } from '../projected-event';
import { searchOperations } from './search-projection';

const history = conversationHistory('w1');
const { conversationId, contactId } = history;
const at = (minute: number): string => `2026-12-03T10:${String(minute).padStart(2, '0')}:00.000Z`;

const metadata = (eventId: string, occurredAt: string) => ({
  eventId,
  workspaceId: 'w1',
  aggregateId: conversationId,
  occurredAt,
  schemaVersion: 1,
  correlationId: 'c1',
  causationId: null,
  actor: { kind: 'system' as const, id: 'spec' },
});

const stored = (event: EventEnvelope, position: string, streamName = 'other-stream') =>
  ({ streamName, revision: 0, position, event }) satisfies ProjectableEvent;

const tagEvent = (type: 'Crm.TagAdded' | 'Crm.TagRemoved', tags: string[], when: string) =>
  ({
    type,
    data: {
      contactId,
      conversationId,
      tag: { name: tags[0] ?? 'vip', colour: '#ff0000' },
      tags: tags.map((name) => ({ name, colour: '#ff0000' })),
    },
    metadata: metadata(`tag-${when}`, when),
  }) as TagAdded | TagRemoved;

/** The `_id` and `orderKey` the timeline projection gives the item of the same event. */
const timelineItemOf = (source: ProjectableEvent) => {
  if (!isProjectedEvent(source.event)) throw new Error('not a projected event');
  const [operation] = timelineOperations(source.event, source);
  const set = operation!.update['$set'] as { orderKey: string };
  return { timelineItemId: operation!.filter['_id'], orderKey: set.orderKey };
};

describe('the search projection (L2)', () => {
  it('given the conversation started, then the client name and username, and the activity', () => {
    const [started] = recordInOrder([history.started(at(0))], 7);

    expect(searchOperations(started!)).toEqual([
      {
        kind: 'contact-profile',
        workspaceId: 'w1',
        conversationId,
        position: '7',
        name: 'Ann Karenina',
        username: 'ann_k',
      },
      { kind: 'conversation-activity', workspaceId: 'w1', conversationId, at: at(0) },
    ]);
  });

  it('given Crm.ContactCreated, then the contact name and username at its position', () => {
    const [created] = recordInOrder([history.contactCreated(at(1))], 9);

    expect(searchOperations(created!)[0]).toEqual({
      kind: 'contact-profile',
      workspaceId: 'w1',
      conversationId,
      position: '9',
      name: 'Ann Karenina',
      username: 'ann_k',
    });
  });

  it('given a client text message, then its text with the timeline item id and orderKey the timeline gives it', () => {
    const [message] = recordInOrder(
      [
        history.clientMessage('m1', 'Хочу купить телефоны', at(2), {
          clientOrder: 5,
          placedAt: at(3),
        }),
      ],
      12,
    );

    const operations = searchOperations(message!);

    expect(operations).toEqual([
      {
        kind: 'message',
        workspaceId: 'w1',
        conversationId,
        position: '12',
        ...timelineItemOf(message!),
        text: 'Хочу купить телефоны',
        direction: 'in',
        at: at(2),
      },
      { kind: 'conversation-activity', workspaceId: 'w1', conversationId, at: at(2) },
    ]);
    expect(operations[0]).toMatchObject({ timelineItemId: `${conversationId}|m1` });
  });

  it('given a manager message, then its text, outgoing, at its queued time', () => {
    const [message] = recordInOrder([history.managerMessage('m2', 'We ship tomorrow', at(4))], 20);

    expect(searchOperations(message!)[0]).toEqual({
      kind: 'message',
      workspaceId: 'w1',
      conversationId,
      position: '20',
      ...timelineItemOf(message!),
      text: 'We ship tomorrow',
      direction: 'out',
      at: at(4),
    });
  });

  it('given a photo with a caption, then the caption is the text; without one, no message', () => {
    const file = {
      fileId: 'f',
      fileUniqueId: 'u',
      fileSize: 10,
      mimeType: 'image/jpeg',
      fileName: null,
      width: 1,
      height: 1,
      duration: null,
    };
    const [captioned, bare] = recordInOrder([
      history.clientContent('p1', { kind: 'photo', file, caption: 'Fotos de la casa' }, at(5)),
      history.clientContent('p2', { kind: 'photo', file, caption: null }, at(6)),
    ]);

    expect(searchOperations(captioned!)[0]).toMatchObject({
      kind: 'message',
      text: 'Fotos de la casa',
    });
    expect(searchOperations(bare!).map((op) => op.kind)).toEqual(['conversation-activity']);
  });

  it('given an edit of a known message, then the new text without a new place on the timeline', () => {
    const [edited] = recordInOrder(
      [
        history.clientMessageEdited('m1', { kind: 'text', text: 'new words' }, at(2), at(8), {
          content: { kind: 'text', text: 'old words' },
          at: at(2),
        }),
      ],
      30,
    );

    expect(searchOperations(edited!)).toEqual([
      {
        kind: 'message',
        workspaceId: 'w1',
        conversationId,
        position: '30',
        timelineItemId: `${conversationId}|m1`,
        text: 'new words',
        orderKey: null,
        direction: null,
        at: null,
      },
    ]);
  });

  it('given tags added and removed, then the whole tag list after each change, and the activity', () => {
    const added = stored(tagEvent('Crm.TagAdded', ['vip', 'wholesale'], at(9)), '40');
    const removed = stored(tagEvent('Crm.TagRemoved', ['wholesale'], at(10)), '41');

    expect(searchOperations(added)).toEqual([
      {
        kind: 'contact-tags',
        workspaceId: 'w1',
        conversationId,
        position: '40',
        tags: ['vip', 'wholesale'],
      },
      { kind: 'conversation-activity', workspaceId: 'w1', conversationId, at: at(9) },
    ]);
    expect(searchOperations(removed)[0]).toMatchObject({ tags: ['wholesale'], position: '41' });
  });

  it('given a translation and a detected language, then they land on the message timeline item', () => {
    const translated: MessageTranslated = {
      type: 'Translation.MessageTranslated',
      data: {
        conversationId,
        messageId: 'm1',
        from: 'ru',
        to: 'en',
        text: 'I want to buy phones',
        provider: 'libretranslate',
      },
      metadata: metadata('tr-1', at(11)),
    };
    const detected: LanguageDetected = {
      type: 'Translation.LanguageDetected',
      data: { conversationId, messageId: 'm1', language: 'ru' },
      metadata: metadata('ld-1', at(11)),
    };

    expect(searchOperations(stored(translated, '50'))).toEqual([
      {
        kind: 'message-translation',
        workspaceId: 'w1',
        conversationId,
        position: '50',
        timelineItemId: `${conversationId}|m1`,
        text: 'I want to buy phones',
        language: 'en',
      },
    ]);
    expect(searchOperations(stored(detected, '51'))).toEqual([
      {
        kind: 'message-language',
        workspaceId: 'w1',
        conversationId,
        position: '51',
        timelineItemId: `${conversationId}|m1`,
        language: 'ru',
      },
    ]);
  });

  it('given events search does not show, then no operations', () => {
    const [read, delivered] = recordInOrder([
      history.markedRead(at(12)),
      history.delivered('m2', at(13)),
    ]);

    expect(searchOperations(read!)).toEqual([]);
    expect(searchOperations(delivered!)).toEqual([]);
    expect(
      searchOperations(
        stored(
          { type: 'Other.Thing', data: {}, metadata: metadata('x', at(1)) } as EventEnvelope,
          '60',
        ),
      ),
    ).toEqual([]);
  });
});
