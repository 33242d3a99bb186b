import { deterministicId } from '@parley/contracts';
import {
  sampleEditedTextUpdate,
  sampleMyChatMemberUpdate,
  sampleStartUpdate,
  sampleTextUpdate,
} from '../testing';
import { classifyUpdate, type ClientMessage } from '../webhook/update-classification';
import {
  botBlockedEvent,
  botUnblockedEvent,
  channelStream,
  clientStartedEvent,
  messageEditedEvent,
  messageReceivedEvent,
  rejectedUpdatesStream,
  updateRejectedEvent,
  type InboundContext,
} from './inbound-channel-events';

/** The client message of an update the classification accepts. */
const messageOf = (body: unknown): ClientMessage => {
  const update = classifyUpdate(body, { username: 'parley_bot' });
  if (update.kind !== 'started' && update.kind !== 'message' && update.kind !== 'edited') {
    throw new Error(`expected a client message, got ${update.kind}`);
  }
  return update.message;
};

const context = (updateId: number): InboundContext => ({
  workspaceId: 'ws1',
  botId: '123456',
  updateId,
  receivedAt: new Date('2026-01-01T00:00:05.000Z'),
});

describe('update → channel event mapping', () => {
  it('given /start with a payload, then ClientStarted carries the raw payload and the client', () => {
    const message = messageOf(
      sampleStartUpdate({ updateId: 10, chatId: 987, username: 'anna', payload: 'src-fb_cmp-7' }),
    );
    const event = clientStartedEvent(context(10), message, 'src-fb_cmp-7');
    expect(event).toEqual({
      type: 'Channel.ClientStarted',
      data: {
        channel: 'telegram',
        botId: '123456',
        chatId: '987',
        conversationId: 'ws1:tg:123456:987',
        client: {
          externalId: '987',
          username: 'anna',
          firstName: 'Anna',
          lastName: null,
          languageCode: 'en',
        },
        payload: 'src-fb_cmp-7',
        updateId: 10,
        sentAt: '2026-01-01T00:00:00.000Z',
      },
      metadata: {
        eventId: deterministicId('telegram-update', '123456', 10),
        workspaceId: 'ws1',
        aggregateId: 'ws1:tg:123456:987',
        occurredAt: '2026-01-01T00:00:05.000Z',
        schemaVersion: 1,
        correlationId: deterministicId('telegram-update', '123456', 10),
        causationId: null,
        actor: { kind: 'client', id: 'tg:987' },
      },
    });
  });

  it('given a bare /start, then the payload is null', () => {
    const message = messageOf(sampleStartUpdate({ updateId: 11, chatId: 987 }));
    expect(clientStartedEvent(context(11), message, '').data.payload).toBeNull();
  });

  it('given a text message, then MessageReceived carries text content and Telegram ids', () => {
    const message = messageOf(
      sampleTextUpdate({ updateId: 12, chatId: -100500, userId: 77, messageId: 3, text: 'Hello' }),
    );
    const event = messageReceivedEvent(context(12), message, { kind: 'text', text: 'Hello' });
    expect(event.type).toBe('Channel.MessageReceived');
    expect(event.data).toMatchObject({
      conversationId: 'ws1:tg:123456:-100500',
      chatId: '-100500',
      externalMessageId: '3',
      content: { kind: 'text', text: 'Hello' },
      client: { externalId: '77' },
    });
    expect(event.metadata.actor).toEqual({ kind: 'client', id: 'tg:77' });
    expect(event.metadata.schemaVersion).toBe(3);
  });

  it('given an edited message, then MessageEdited carries the new content, sent and edit times', () => {
    const update = classifyUpdate(
      sampleEditedTextUpdate({ updateId: 14, chatId: 5, messageId: 9, text: 'Fixed' }),
      { username: 'parley_bot' },
    );
    if (update.kind !== 'edited') throw new Error(`expected an edit, got ${update.kind}`);
    const event = messageEditedEvent(context(14), update.message, update.content);
    expect(event).toMatchObject({
      type: 'Channel.MessageEdited',
      data: {
        conversationId: 'ws1:tg:123456:5',
        externalMessageId: '9',
        content: { kind: 'text', text: 'Fixed' },
        sentAt: '2026-01-01T00:00:00.000Z',
        editedAt: '2026-01-01T00:01:00.000Z',
        updateId: 14,
      },
      metadata: { eventId: deterministicId('telegram-update', '123456', 14), schemaVersion: 1 },
    });
  });

  it.each([
    ['kicked', 'Channel.BotBlocked', 'blockedAt'],
    ['member', 'Channel.BotUnblocked', 'unblockedAt'],
  ] as const)('given my_chat_member → %s, then %s at its date', (status, type, field) => {
    const update = classifyUpdate(sampleMyChatMemberUpdate({ updateId: 16, chatId: 5, status }), {
      username: 'parley_bot',
    });
    if (update.kind !== 'blocked' && update.kind !== 'unblocked') throw new Error(update.kind);
    const event =
      update.kind === 'blocked'
        ? botBlockedEvent(context(16), update.change)
        : botUnblockedEvent(context(16), update.change);
    expect(event).toMatchObject({
      type,
      data: {
        conversationId: 'ws1:tg:123456:5',
        chatId: '5',
        client: { externalId: '5', firstName: 'Anna' },
        [field]: '2026-01-01T00:00:00.000Z',
      },
      metadata: { aggregateId: 'ws1:tg:123456:5', actor: { kind: 'client', id: 'tg:5' } },
    });
  });

  it('given a rejected update, then UpdateRejected keeps the reason and the raw update, cut to size', () => {
    const body = { update_id: 15, message: { date: -1, note: 'x'.repeat(10_000) } };
    const event = updateRejectedEvent(
      context(15),
      {
        reason: 'message.date must not be less than 0',
        issues: [{ field: 'message.date', reason: 'must not be less than 0' }],
      },
      body,
    );
    expect(event.type).toBe('Channel.UpdateRejected');
    expect(event.data).toMatchObject({
      channel: 'telegram',
      botId: '123456',
      updateId: 15,
      reason: 'message.date must not be less than 0',
      issues: [{ field: 'message.date', reason: 'must not be less than 0' }],
      rawTruncated: true,
      receivedAt: '2026-01-01T00:00:05.000Z',
    });
    expect(event.data.rawUpdate).toHaveLength(8192);
    expect(event.data.rawUpdate.startsWith('{"update_id":15,')).toBe(true);
    expect(event.metadata).toMatchObject({
      eventId: deterministicId('telegram-rejected-update', '123456', 15),
      aggregateId: 'ws1:tg:123456:rejected_updates',
      actor: { kind: 'system', id: 'channel-telegram' },
    });
    expect(rejectedUpdatesStream('ws1', '123456')).toBe('channel-ws1:tg:123456:rejected_updates');
  });

  it('the same update always gets the same event id; another update another one', () => {
    const message = messageOf(sampleTextUpdate({ updateId: 12, chatId: 1, text: 'a' }));
    const content = { kind: 'text', text: 'a' } as const;
    const first = messageReceivedEvent(context(12), message, content).metadata.eventId;
    expect(messageReceivedEvent(context(12), message, content).metadata.eventId).toBe(first);
    expect(messageReceivedEvent(context(13), message, content).metadata.eventId).not.toBe(first);
  });

  it('channel streams are channel-{conversationId}', () => {
    expect(channelStream('ws1:tg:1:2')).toBe('channel-ws1:tg:1:2');
  });
});
