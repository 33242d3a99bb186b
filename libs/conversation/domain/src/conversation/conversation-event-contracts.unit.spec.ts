import {
  CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION,
  readConversationEvent,
  type EventEnvelope,
} from '@parley/contracts';
import type { ConversationCommand } from './conversation-commands';
import type { ConversationDecidedEvent } from './conversation-decided-events';
import { conversationDecider } from './conversation-decider';
import type { ConversationState } from './conversation-state';

const conversationId = 'ws1:tg:123456:42';
const at = (second: number) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;

const commands: readonly ConversationCommand[] = [
  {
    kind: 'RecordClientMessage',
    conversationId,
    source: { channel: 'telegram', botId: '123456', chatId: '42' },
    client: {
      externalId: '42',
      username: null,
      firstName: 'Anna',
      lastName: null,
      languageCode: null,
    },
    messageId: 'client-1',
    externalMessageId: '3',
    content: { kind: 'text', text: 'Hi' },
    sentAt: at(0),
    receivedAt: at(1),
  },
  {
    kind: 'RecordClientMessage',
    conversationId,
    source: { channel: 'telegram', botId: '123456', chatId: '42' },
    client: {
      externalId: '42',
      username: 'anna',
      firstName: 'Anna',
      lastName: 'K',
      languageCode: 'en',
    },
    messageId: 'client-2',
    externalMessageId: 'not-a-number',
    content: { kind: 'unsupported', unsupportedKind: 'photo', caption: 'receipt' },
    sentAt: at(2),
    receivedAt: at(3),
  },
  {
    kind: 'SendMessage',
    conversationId,
    messageId: '0f0e7c86-8d8b-4a36-9a8e-1b1f2f5d7c10',
    managerId: 'm1',
    content: { kind: 'text', text: 'Hello, Anna' },
    queuedAt: at(4),
  },
  {
    kind: 'RecordDeliveryFailure',
    messageId: '0f0e7c86-8d8b-4a36-9a8e-1b1f2f5d7c10',
    code: 'unavailable',
    reason: 'Telegram is unavailable',
    failedAt: at(5),
  },
  {
    kind: 'RecordDelivery',
    messageId: '0f0e7c86-8d8b-4a36-9a8e-1b1f2f5d7c10',
    externalMessageId: '4',
    deliveredAt: at(6),
  },
  { kind: 'MarkRead', managerId: 'm1', readAt: at(7) },
];

/** The decider's events, stored as the conversation service stores them. */
const decidedEvents = (): EventEnvelope[] => {
  let state: ConversationState = conversationDecider.initialState();
  const events: ConversationDecidedEvent[] = [];
  for (const command of commands) {
    for (const event of conversationDecider.decide(command, state)) {
      events.push(event);
      state = conversationDecider.evolve(state, event);
    }
  }
  return events.map((e, i) => ({
    ...e,
    metadata: {
      eventId: `e${i}`,
      workspaceId: 'ws1',
      aggregateId: conversationId,
      occurredAt: at(i),
      schemaVersion:
        e.type === 'Conversation.ClientMessageReceived'
          ? CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION
          : 1,
      correlationId: 'c1',
      causationId: null,
      actor: { kind: 'system', id: 'spec' },
    },
  }));
};

describe('conversation events against their contracts', () => {
  it('given the events the decider decides, then each reads back through the catalog unchanged', () => {
    const events = decidedEvents();
    expect(events.map((e) => e.type)).toEqual([
      'Conversation.Started',
      'Conversation.ClientMessageReceived',
      'Conversation.ClientMessageReceived',
      'Conversation.ManagerMessageQueued',
      'Conversation.MessageDeliveryFailed',
      'Conversation.MessageDelivered',
      'Conversation.MarkedRead',
    ]);
    for (const event of events) {
      expect(readConversationEvent(event.type as ConversationDecidedEvent['type'], event)).toBe(
        event,
      );
    }
  });
});
