import { deterministicId } from '@parley/contracts';
import { sampleStartUpdate, sampleTextUpdate } from '../testing';
import { validateTelegramUpdate } from '../webhook/validate-update';
import {
  channelStream,
  clientStartedEvent,
  messageReceivedEvent,
  type InboundContext,
} from './inbound-channel-events';

const context = (updateId: number): InboundContext => ({
  workspaceId: 'ws1',
  botId: '123456',
  updateId,
  receivedAt: new Date('2026-01-01T00:00:05.000Z'),
});

describe('update → channel event mapping', () => {
  it('given /start with a payload, then ClientStarted carries the raw payload and the client', () => {
    const update = validateTelegramUpdate(
      sampleStartUpdate({ updateId: 10, chatId: 987, username: 'anna', payload: 'src-fb_cmp-7' }),
    );
    const event = clientStartedEvent(context(10), update.message!, 'src-fb_cmp-7');
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
    const update = validateTelegramUpdate(sampleStartUpdate({ updateId: 11, chatId: 987 }));
    expect(clientStartedEvent(context(11), update.message!, '').data.payload).toBeNull();
  });

  it('given a text message, then MessageReceived carries text content and Telegram ids', () => {
    const update = validateTelegramUpdate(
      sampleTextUpdate({ updateId: 12, chatId: -100500, userId: 77, messageId: 3, text: 'Hello' }),
    );
    const event = messageReceivedEvent(context(12), { ...update.message!, text: 'Hello' });
    expect(event.type).toBe('Channel.MessageReceived');
    expect(event.data).toMatchObject({
      conversationId: 'ws1:tg:123456:-100500',
      chatId: '-100500',
      externalMessageId: '3',
      content: { kind: 'text', text: 'Hello' },
      client: { externalId: '77' },
    });
    expect(event.metadata.actor).toEqual({ kind: 'client', id: 'tg:77' });
  });

  it('the same update always gets the same event id; another update another one', () => {
    const update = validateTelegramUpdate(sampleTextUpdate({ updateId: 12, chatId: 1, text: 'a' }));
    const message = { ...update.message!, text: 'a' };
    const first = messageReceivedEvent(context(12), message).metadata.eventId;
    expect(messageReceivedEvent(context(12), message).metadata.eventId).toBe(first);
    expect(messageReceivedEvent(context(13), message).metadata.eventId).not.toBe(first);
  });

  it('channel streams are channel-{conversationId}', () => {
    expect(channelStream('ws1:tg:1:2')).toBe('channel-ws1:tg:1:2');
  });
});
