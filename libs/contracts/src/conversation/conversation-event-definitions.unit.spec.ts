import type { Actor } from '../envelope/actor';
import type { EventEnvelope } from '../envelope/event-envelope';
import { ContractViolation } from '../validation/contract-violation';
import { CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION } from './client-message-order';
import type { ConversationEvent } from './conversation-events';
import { readConversationEvent } from './read-conversation-event';

const conversationId = 'ws1:tg:123456:42';
const source = { channel: 'telegram', botId: '123456', chatId: '42' } as const;
const manager: Actor = { kind: 'manager', id: 'm1' };

/** An event as the conversation service stores it: the decider's type and data, then metadata. */
const stored = (
  type: ConversationEvent['type'],
  data: Record<string, unknown>,
  schemaVersion = 1,
  actor: Actor = { kind: 'client', id: 'tg:42' },
): EventEnvelope => ({
  type,
  data,
  metadata: {
    eventId: `e-${type}`,
    workspaceId: 'ws1',
    aggregateId: conversationId,
    occurredAt: '2026-01-01T00:00:01.000Z',
    schemaVersion,
    correlationId: 'c1',
    causationId: 'u7',
    actor,
  },
});

/** Each conversation event with data as `conversationDecider` writes it. */
const events = {
  'Conversation.Started': stored('Conversation.Started', {
    conversationId,
    source,
    client: {
      externalId: '42',
      username: null,
      firstName: 'Anna',
      lastName: null,
      languageCode: null,
    },
    startedAt: '2026-01-01T00:00:00.000Z',
  }),
  'Conversation.ClientMessageReceived': stored(
    'Conversation.ClientMessageReceived',
    {
      conversationId,
      messageId: 'b3c1c7a8-0b7e-5c1a-9d55-6d2f1c7e1a01',
      externalMessageId: '3',
      content: { kind: 'text', text: 'Hi' },
      sentAt: '2026-01-01T00:00:00.000Z',
      clientOrder: 3,
      placedAt: '2026-01-01T00:00:01.000Z',
    },
    CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION,
  ),
  'Conversation.ManagerMessageQueued': stored(
    'Conversation.ManagerMessageQueued',
    {
      conversationId,
      messageId: '0f0e7c86-8d8b-4a36-9a8e-1b1f2f5d7c10',
      managerId: 'm1',
      recipient: source,
      content: { kind: 'text', text: 'Hello, Anna' },
      queuedAt: '2026-01-01T00:01:00.000Z',
    },
    1,
    manager,
  ),
  'Conversation.MessageDelivered': stored('Conversation.MessageDelivered', {
    conversationId,
    messageId: '0f0e7c86-8d8b-4a36-9a8e-1b1f2f5d7c10',
    externalMessageId: '4',
    deliveredAt: '2026-01-01T00:01:01.000Z',
  }),
  'Conversation.MessageDeliveryFailed': stored('Conversation.MessageDeliveryFailed', {
    conversationId,
    messageId: '0f0e7c86-8d8b-4a36-9a8e-1b1f2f5d7c10',
    code: 'unconfirmed',
    reason: 'Telegram may have delivered it',
    failedAt: '2026-01-01T00:01:01.000Z',
  }),
  'Conversation.ManagerMessageRequeued': stored(
    'Conversation.ManagerMessageRequeued',
    {
      conversationId,
      messageId: '0f0e7c86-8d8b-4a36-9a8e-1b1f2f5d7c10',
      managerId: 'm1',
      recipient: source,
      content: { kind: 'text', text: 'Hello, Anna' },
      retry: 1,
      requeuedAt: '2026-01-01T00:02:00.000Z',
    },
    1,
    manager,
  ),
  'Conversation.MessageMarkedSent': stored(
    'Conversation.MessageMarkedSent',
    {
      conversationId,
      messageId: '0f0e7c86-8d8b-4a36-9a8e-1b1f2f5d7c10',
      managerId: 'm1',
      markedAt: '2026-01-01T00:02:00.000Z',
    },
    1,
    manager,
  ),
  'Conversation.MarkedRead': stored(
    'Conversation.MarkedRead',
    { conversationId, managerId: 'm1', readAt: '2026-01-01T00:03:00.000Z' },
    1,
    manager,
  ),
  'Conversation.ClientMessageEdited': stored('Conversation.ClientMessageEdited', {
    conversationId,
    messageId: 'm-3',
    externalMessageId: '3',
    editId: 'edit-1',
    content: {
      kind: 'photo',
      file: {
        fileId: 'AgAC-large',
        fileUniqueId: 'AQAD-large',
        fileSize: 98_000,
        mimeType: null,
        fileName: null,
        width: 1280,
        height: 960,
        duration: null,
      },
      caption: 'the receipt, corrected',
    },
    editedAt: '2026-01-01T00:04:00.000Z',
    previousVersion: {
      content: { kind: 'text', text: 'Hello', entities: [] },
      at: '2026-01-01T00:00:00.000Z',
    },
    sentAt: '2026-01-01T00:00:00.000Z',
    clientOrder: 3,
    placedAt: '2026-01-01T00:00:01.000Z',
  }),
  'Conversation.ClientBlockedBot': stored('Conversation.ClientBlockedBot', {
    conversationId,
    blockedAt: '2026-01-01T00:05:00.000Z',
  }),
  'Conversation.ClientUnblockedBot': stored('Conversation.ClientUnblockedBot', {
    conversationId,
    unblockedAt: '2026-01-01T00:06:00.000Z',
  }),
  'Conversation.ClientMediaFetched': stored('Conversation.ClientMediaFetched', {
    conversationId,
    messageId: 'm-3',
    mediaId: '6f1c1d2e-3b4a-5c6d-8e7f-0a1b2c3d4e5f',
    contentType: 'image/png',
    size: 98_000,
    fetchedAt: '2026-01-01T00:07:00.000Z',
  }),
  'Conversation.ClientMediaFetchFailed': stored('Conversation.ClientMediaFetchFailed', {
    conversationId,
    messageId: 'm-4',
    reason: 'too_large',
    fileName: 'film.mp4',
    fileSize: 31_000_000,
    failedAt: '2026-01-01T00:08:00.000Z',
  }),
  'Conversation.Archived': stored('Conversation.Archived', {
    conversationId,
    archivedAt: '2026-01-01T00:09:00.000Z',
  }),
  'Conversation.Unarchived': stored('Conversation.Unarchived', {
    conversationId,
    unarchivedAt: '2026-01-01T00:10:00.000Z',
  }),
  'Conversation.Pinned': stored('Conversation.Pinned', {
    conversationId,
    pinnedAt: '2026-01-01T00:11:00.000Z',
  }),
  'Conversation.Unpinned': stored('Conversation.Unpinned', {
    conversationId,
    unpinnedAt: '2026-01-01T00:12:00.000Z',
  }),
  'Conversation.Ignored': stored('Conversation.Ignored', {
    conversationId,
    ignoredAt: '2026-01-01T00:13:00.000Z',
  }),
  'Conversation.Unignored': stored('Conversation.Unignored', {
    conversationId,
    unignoredAt: '2026-01-01T00:14:00.000Z',
  }),
  'Conversation.MarkedUnread': stored('Conversation.MarkedUnread', {
    conversationId,
    markedUnreadAt: '2026-01-01T00:15:00.000Z',
  }),
} satisfies Record<ConversationEvent['type'], EventEnvelope>;

const withData = (event: EventEnvelope, change: Record<string, unknown>): EventEnvelope => ({
  ...event,
  data: { ...(event.data as Record<string, unknown>), ...change },
});

const without = (event: EventEnvelope, field: string): EventEnvelope => {
  const { [field]: _dropped, ...data } = event.data as Record<string, unknown>;
  return { ...event, data };
};

const fieldsOf = (read: () => unknown): string[] => {
  try {
    read();
  } catch (e) {
    if (e instanceof ContractViolation) return e.issues.map((i) => i.field);
    throw e;
  }
  throw new Error('expected a ContractViolation');
};

describe('conversation event definitions', () => {
  it.each(Object.entries(events))(
    'given a %s as the conversation writes it, then it reads back unchanged',
    (type, event) => {
      expect(readConversationEvent(type as ConversationEvent['type'], event)).toBe(event);
    },
  );

  it('given a ClientMessageReceived of a message without order and an unsupported kind, then it validates', () => {
    const event = withData(events['Conversation.ClientMessageReceived'], {
      externalMessageId: 'wc-9',
      content: { kind: 'unsupported', unsupportedKind: 'photo', caption: null },
      clientOrder: null,
    });
    expect(readConversationEvent('Conversation.ClientMessageReceived', event)).toBe(event);
  });

  it('given a v1 ClientMessageReceived, then it reads as v2: ordered by its Telegram id, placed when sent', () => {
    const v2 = events['Conversation.ClientMessageReceived'];
    const v1 = {
      ...without(without(v2, 'clientOrder'), 'placedAt'),
      metadata: { ...v2.metadata, schemaVersion: 1 },
    };
    const read = readConversationEvent('Conversation.ClientMessageReceived', v1);
    expect(read.metadata.schemaVersion).toBe(CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION);
    expect(read.data).toEqual({
      ...(v1.data as object),
      clientOrder: 3,
      placedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('given a v2 ClientMessageReceived, then it reads as v3 with its content unchanged', () => {
    const v3 = events['Conversation.ClientMessageReceived'];
    const v2 = { ...v3, metadata: { ...v3.metadata, schemaVersion: 2 } };
    const read = readConversationEvent('Conversation.ClientMessageReceived', v2);
    expect(read.metadata.schemaVersion).toBe(3);
    expect(read.data).toEqual(v3.data);
  });

  it('given a ClientMessageEdited of a message Parley never saw, then it validates without a previous version', () => {
    const event = withData(events['Conversation.ClientMessageEdited'], { previousVersion: null });
    expect(readConversationEvent('Conversation.ClientMessageEdited', event)).toBe(event);
  });

  it('given a ClientMessageEdited whose photo has no file id, then a ContractViolation names it', () => {
    const edited = events['Conversation.ClientMessageEdited'];
    const content = (edited.data as { content: { file: object } }).content;
    const event = withData(edited, {
      content: { ...content, file: { ...content.file, fileId: '' } },
    });
    expect(
      fieldsOf(() => readConversationEvent('Conversation.ClientMessageEdited', event)),
    ).toEqual(['content.file.fileId']);
  });

  it('given a v2 ClientMessageReceived without clientOrder, then a ContractViolation names it', () => {
    const event = without(events['Conversation.ClientMessageReceived'], 'clientOrder');
    expect(
      fieldsOf(() => readConversationEvent('Conversation.ClientMessageReceived', event)),
    ).toEqual(['clientOrder']);
  });

  it('given a v4 ClientMessageReceived, then it is refused as newer than this process knows', () => {
    const event = events['Conversation.ClientMessageReceived'];
    const v4 = { ...event, metadata: { ...event.metadata, schemaVersion: 4 } };
    expect(() => readConversationEvent('Conversation.ClientMessageReceived', v4)).toThrow(/newer/);
  });

  it.each([
    ['Conversation.Started', 'startedAt', without(events['Conversation.Started'], 'startedAt')],
    [
      'Conversation.Started',
      'source.chatId',
      withData(events['Conversation.Started'], { source: { ...source, chatId: 'x' } }),
    ],
    [
      'Conversation.Started',
      'client.firstName',
      withData(events['Conversation.Started'], { client: { externalId: '42' } }),
    ],
    [
      'Conversation.ClientMessageReceived',
      'content.text',
      withData(events['Conversation.ClientMessageReceived'], {
        content: { kind: 'text', text: '' },
      }),
    ],
    [
      'Conversation.ClientMessageReceived',
      'clientOrder',
      withData(events['Conversation.ClientMessageReceived'], { clientOrder: -1 }),
    ],
    [
      'Conversation.ManagerMessageQueued',
      'recipient.channel',
      withData(events['Conversation.ManagerMessageQueued'], {
        recipient: { ...source, channel: 'fax' },
      }),
    ],
    [
      'Conversation.ManagerMessageQueued',
      'managerId',
      without(events['Conversation.ManagerMessageQueued'], 'managerId'),
    ],
    [
      'Conversation.MessageDelivered',
      'deliveredAt',
      withData(events['Conversation.MessageDelivered'], { deliveredAt: 'yesterday' }),
    ],
    [
      'Conversation.MessageDeliveryFailed',
      'code',
      without(events['Conversation.MessageDeliveryFailed'], 'code'),
    ],
    [
      'Conversation.ManagerMessageRequeued',
      'retry',
      withData(events['Conversation.ManagerMessageRequeued'], { retry: 0 }),
    ],
    [
      'Conversation.MessageMarkedSent',
      'markedAt',
      without(events['Conversation.MessageMarkedSent'], 'markedAt'),
    ],
    [
      'Conversation.MarkedRead',
      'conversationId',
      withData(events['Conversation.MarkedRead'], { conversationId: 7 }),
    ],
    [
      'Conversation.MarkedRead',
      'unread',
      withData(events['Conversation.MarkedRead'], { unread: 0 }),
    ],
  ] as const)(
    'given a %s with a bad or missing %s, then a ContractViolation names it',
    (type, field, event) => {
      expect(fieldsOf(() => readConversationEvent(type, event))).toContain(field);
    },
  );

  it('given an event of another type than the handler was routed for, then it is refused', () => {
    expect(
      fieldsOf(() =>
        readConversationEvent(
          'Conversation.ManagerMessageQueued',
          events['Conversation.MarkedRead'],
        ),
      ),
    ).toEqual(['type']);
  });

  it('given a type the conversation does not have, then it is refused as unknown', () => {
    const event = { ...events['Conversation.MarkedRead'], type: 'Conversation.Closed' };
    expect(() => readConversationEvent('Conversation.MarkedRead', event)).toThrow(
      /unknown event type Conversation.Closed/,
    );
  });
});
