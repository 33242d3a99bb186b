import { DEFAULT_MAX_ATTEMPTS, createInProcessBus, type Bus } from '@parley/bus';
import { loadConfig } from '@parley/config';
import {
  streamName,
  telegramConversationId,
  type EventEnvelope,
  type ManagerMessageQueued,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import type { HealthRegistry } from '@parley/platform';
import {
  embeddedEngines,
  realEngines,
  startServiceHarness,
  type TestEngines,
} from '@parley/platform/testing';
import { messageForRecordedEvent } from '@parley/relay';
import { waitUntil } from '@parley/test-infra';
import {
  queuedManagerMessage,
  sampleChannelPostUpdate,
  sampleGroupUpdate,
  samplePhotoUpdate,
  sampleEditedTextUpdate,
  sampleMyChatMemberUpdate,
  sampleStartUpdate,
  sampleTextUpdate,
  startBotApiStandIn,
  tooManyRequests,
  type BotApiStandIn,
} from './testing';
import { TelegramChannelConfig, TelegramChannelModule } from './index';
import { sendAttemptedEvent } from './outbound/outbound-channel-events';

const TOKEN = '123456:TEST-token_abc';
const BOT_ID = '123456';
const SECRET = 'webhook_Secret-42';
const WORKSPACE = 'ws1';
const NOW = new Date('2026-01-01T10:00:00.000Z');

interface Channel {
  readonly url: string;
  readonly store: EventStore;
  readonly bus: Bus;
  readonly standIn: BotApiStandIn;
  readonly health: HealthRegistry;
  close(): Promise<void>;
}

/** The module for real: its store, the in-process bus, a relay between them, HTTP, the stand-in. */
const startChannel = async (engines: Promise<TestEngines>): Promise<Channel> => {
  const standIn = await startBotApiStandIn({ token: TOKEN });
  const config = loadConfig(TelegramChannelConfig, {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: standIn.apiRoot,
    TELEGRAM_CHAT_SEND_INTERVAL_MS: '0',
    TELEGRAM_API_TIMEOUT_SECONDS: '1',
  });
  const harness = await startServiceHarness({
    engines,
    serviceName: 'channel-telegram',
    workspaceId: WORKSPACE,
    clock: () => NOW,
    modules: [TelegramChannelModule.register(config)],
    http: true,
  });
  return {
    url: harness.url!,
    store: harness.store,
    bus: harness.bus,
    standIn,
    health: harness.health,
    close: async () => {
      await harness.close();
      await standIn.close();
    },
  };
};

const channelStreamOf = (chatId: number): string =>
  streamName('channel', telegramConversationId(WORKSPACE, BOT_ID, chatId));

const REJECTED_UPDATES_STREAM = `channel-${WORKSPACE}:tg:${BOT_ID}:rejected_updates`;

const queuedMessage = (chatId: number, text: string): ManagerMessageQueued =>
  queuedManagerMessage({ workspaceId: WORKSPACE, botId: BOT_ID, chat: chatId, text, at: NOW });

const describeChannel = (adapter: string, openEngines: () => Promise<TestEngines>): void =>
  describe(`Telegram channel on ${adapter}`, () => {
    let channel: Channel;
    let nextChat = 1000;
    const freshChat = (): number => nextChat++;

    beforeAll(async () => {
      channel = await startChannel(openEngines());
    });
    afterAll(async () => {
      await channel?.close();
    });

    const postUpdate = (body: unknown, secret: string | null = SECRET) =>
      fetch(`${channel.url}/channels/telegram/webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secret !== null && { 'x-telegram-bot-api-secret-token': secret }),
        },
        body: JSON.stringify(body),
      });

    const eventsOf = async (chatId: number): Promise<EventEnvelope[]> =>
      (await channel.store.readStream(channelStreamOf(chatId))).map((r) => r.event);

    const queue = async (event: ManagerMessageQueued): Promise<void> => {
      await channel.store.append(streamName('conversation', event.data.conversationId), [event], {
        expected: 'any',
      });
    };

    const resultFor = (chatId: number, messageId: string) =>
      waitUntil(`the delivery result of ${messageId}`, async () =>
        (await eventsOf(chatId)).find(
          (e) =>
            e.type.startsWith('Channel.MessageDeliver') &&
            (e.data as { messageId: string }).messageId === messageId,
        ),
      );

    describe('inbound webhook', () => {
      it('given the right secret, when a text update arrives, then 200 and Channel.MessageReceived is stored', async () => {
        const chat = freshChat();
        const response = await postUpdate(
          sampleTextUpdate({ updateId: chat, chatId: chat, text: 'Hello, is this open?' }),
        );
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ ok: true });
        const events = await eventsOf(chat);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          type: 'Channel.MessageReceived',
          data: {
            conversationId: telegramConversationId(WORKSPACE, BOT_ID, chat),
            content: { kind: 'text', text: 'Hello, is this open?' },
          },
          metadata: {
            workspaceId: WORKSPACE,
            occurredAt: NOW.toISOString(),
            actor: { kind: 'client', id: `tg:${chat}` },
            causationId: null,
          },
        });
      });

      it('when the same update arrives twice, then one event is stored', async () => {
        const chat = freshChat();
        const update = sampleTextUpdate({ updateId: chat, chatId: chat, text: 'once' });
        expect((await postUpdate(update)).status).toBe(200);
        expect((await postUpdate(update)).status).toBe(200);
        expect(await eventsOf(chat)).toHaveLength(1);
      });

      it('given /start with a deep-link payload, then Channel.ClientStarted carries the payload', async () => {
        const chat = freshChat();
        const response = await postUpdate(
          sampleStartUpdate({ updateId: chat, chatId: chat, payload: 'src_fb-cmp_42' }),
        );
        expect(response.status).toBe(200);
        const events = await eventsOf(chat);
        expect(events.map((e) => e.type)).toEqual(['Channel.ClientStarted']);
        expect(events[0]!.data).toMatchObject({ payload: 'src_fb-cmp_42', chatId: String(chat) });
      });

      it('when the secret is wrong or missing, then 401 and nothing is stored', async () => {
        const chat = freshChat();
        const update = sampleTextUpdate({ updateId: chat, chatId: chat, text: 'forged' });
        const wrong = await postUpdate(update, 'webhook_Secret-43');
        expect(wrong.status).toBe(401);
        expect(await wrong.json()).toMatchObject({ message: 'invalid secret token' });
        const missing = await postUpdate(update, null);
        expect(missing.status).toBe(401);
        expect(await missing.json()).toMatchObject({ message: 'invalid secret token' });
        expect(await eventsOf(chat)).toEqual([]);
      });
    });

    describe('webhook: updates Parley cannot use get 200, never a redelivery', () => {
      const postRaw = (text: string, secret: string | null = SECRET) =>
        fetch(`${channel.url}/channels/telegram/webhook`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(secret !== null && { 'x-telegram-bot-api-secret-token': secret }),
          },
          body: text,
        });

      /** The counts of the channel's health line `telegram-webhook` (it is up). */
      const webhookHealth = async () => {
        const report = await channel.health.report();
        const check = report.checks.find((c) => c.name === 'telegram-webhook');
        expect(check).toMatchObject({ status: 'up' });
        const detail = check?.detail ?? '';
        const count = (pattern: RegExp): number => Number(pattern.exec(detail)?.[1]);
        return {
          rejected: count(/(\d+) rejected/),
          ignored: count(/(\d+) ignored/),
          unusable: count(/(\d+) unusable/),
          detail,
        };
      };

      const rejectedUpdates = async (updateId: number) =>
        (await channel.store.readStream(REJECTED_UPDATES_STREAM))
          .map((r) => r.event)
          .filter((e) => (e.data as { updateId: number }).updateId === updateId);

      const channelEventCount = async (): Promise<number> =>
        (await channel.store.readAll({ filter: { streamPrefixes: ['channel-'] } })).length;

      it.each([
        ['1e15', 1e15],
        ['negative', -86_400],
      ])(
        'given a client message with a %s date, then 200, one Channel.UpdateRejected naming message.date, and health counts it',
        async (_name, date) => {
          const chat = freshChat();
          const before = await webhookHealth();
          const update = sampleTextUpdate({ updateId: chat, chatId: chat, text: 'when?', date });
          const response = await postUpdate(update);
          expect(response.status).toBe(200);
          expect(await response.json()).toEqual({ ok: true });
          expect(await eventsOf(chat)).toEqual([]);
          const [rejected, ...more] = await rejectedUpdates(chat);
          expect(more).toEqual([]);
          expect(rejected).toMatchObject({
            type: 'Channel.UpdateRejected',
            data: {
              channel: 'telegram',
              botId: BOT_ID,
              updateId: chat,
              issues: [{ field: 'message.date' }],
              rawTruncated: false,
              receivedAt: NOW.toISOString(),
            },
            metadata: { actor: { kind: 'system', id: 'channel-telegram' } },
          });
          expect((rejected!.data as { reason: string }).reason).toMatch(/message\.date/);
          expect(JSON.parse((rejected!.data as { rawUpdate: string }).rawUpdate)).toEqual(update);
          expect((await webhookHealth()).rejected).toBe(before.rejected + 1);
        },
      );

      it('when a rejected update is delivered again, then 200 and it is stored once', async () => {
        const chat = freshChat();
        const update = sampleTextUpdate({ updateId: chat, chatId: chat, text: 'x', date: -1 });
        expect((await postUpdate(update)).status).toBe(200);
        const before = await webhookHealth();
        expect((await postUpdate(update)).status).toBe(200);
        expect((await postUpdate(update)).status).toBe(200);
        expect(await rejectedUpdates(chat)).toHaveLength(1);
        expect((await webhookHealth()).rejected).toBe(before.rejected);
      });

      it('when the body breaks the Update contract, then 200 and the rejected update names each field', async () => {
        const chat = freshChat();
        const good = sampleTextUpdate({ updateId: chat, chatId: chat, text: 'x' });
        const { chat: _chat, ...messageWithoutChat } = good['message'] as Record<string, unknown>;
        const response = await postUpdate({ ...good, message: messageWithoutChat });
        expect(response.status).toBe(200);
        const [rejected] = await rejectedUpdates(chat);
        expect(
          (rejected!.data as { issues: { field: string }[] }).issues.map((i) => i.field),
        ).toContain('message.chat');
        expect(await eventsOf(chat)).toEqual([]);
      });

      it('given a /start posted in a channel the bot was added to, then 200, nothing stored, counted as channel_post', async () => {
        const before = await webhookHealth();
        const stored = await channelEventCount();
        const response = await postUpdate(
          sampleChannelPostUpdate({ updateId: freshChat(), chatId: -100_777, text: '/start x' }),
        );
        expect(response.status).toBe(200);
        expect(await channelEventCount()).toBe(stored);
        const after = await webhookHealth();
        expect(after.ignored).toBe(before.ignored + 1);
        expect(after.detail).toMatch(/channel_post \d+/);
      });

      it.each(['group', 'supergroup'] as const)(
        'given a %s message, then 200, nothing stored, counted as ignored',
        async (type) => {
          const chat = -freshChat();
          const before = await webhookHealth();
          const response = await postUpdate(
            sampleGroupUpdate({ updateId: -chat, chatId: chat, text: '/start', type }),
          );
          expect(response.status).toBe(200);
          expect(await eventsOf(chat)).toEqual([]);
          const after = await webhookHealth();
          expect(after.ignored).toBe(before.ignored + 1);
          expect(after.detail).toContain(`message.${type}`);
        },
      );

      it('given an edit in a group, then 200, nothing stored, counted as edited_message.group', async () => {
        const stored = await channelEventCount();
        const response = await postUpdate({
          update_id: 900_001,
          edited_message: { message_id: 1, date: 1, chat: { id: -5, type: 'group' }, text: 'e' },
        });
        expect(response.status).toBe(200);
        expect(await channelEventCount()).toBe(stored);
        expect((await webhookHealth()).detail).toMatch(/edited_message\.group \d+/);
      });

      it('given a photo from the client, then 200 and Channel.MessageReceived v3 with the photo and its caption', async () => {
        const chat = freshChat();
        const response = await postUpdate(
          samplePhotoUpdate({ updateId: chat, chatId: chat, messageId: 31, caption: 'receipt' }),
        );
        expect(response.status).toBe(200);
        const events = await eventsOf(chat);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          type: 'Channel.MessageReceived',
          data: {
            externalMessageId: '31',
            content: {
              kind: 'photo',
              file: { fileId: 'AgACAgIAAxkBAAIBZ2-large', fileUniqueId: 'AQADlarge' },
              caption: 'receipt',
            },
          },
          metadata: { schemaVersion: 3, actor: { kind: 'client', id: `tg:${chat}` } },
        });
      });

      it('given an edit and a block, each posted twice, then Channel.MessageEdited and Channel.BotBlocked once each', async () => {
        const chat = freshChat();
        const edit = sampleEditedTextUpdate({
          updateId: chat,
          chatId: chat,
          messageId: 3,
          text: 'Fixed',
        });
        const block = sampleMyChatMemberUpdate({
          updateId: chat + 50_000,
          chatId: chat,
          status: 'kicked',
        });
        for (const update of [edit, edit, block, block]) {
          expect((await postUpdate(update)).status).toBe(200);
        }
        const events = await eventsOf(chat);
        expect(events.map((e) => e.type)).toEqual(['Channel.MessageEdited', 'Channel.BotBlocked']);
        expect(events[0]).toMatchObject({
          data: { externalMessageId: '3', content: { kind: 'text', text: 'Fixed' } },
        });
      });

      it.each([
        ['a JSON array', '[1,2,3]'],
        ['an update without update_id', '{"message":{"text":"hi"}}'],
        ['a body that is not JSON', '{"update_id": 5, oops'],
        [
          'a body larger than the HTTP layer takes',
          `{"update_id":7,"pad":"${'x'.repeat(2_000_000)}"}`,
        ],
      ])(
        'given %s, then 200 with the right secret, nothing stored, counted as unusable',
        async (_name, body) => {
          const before = await webhookHealth();
          const stored = await channelEventCount();
          const response = await postRaw(body);
          expect(response.status).toBe(200);
          expect(await response.json()).toEqual({ ok: true });
          expect(await channelEventCount()).toBe(stored);
          expect((await webhookHealth()).unusable).toBe(before.unusable + 1);
        },
      );

      it('given a body that is not JSON, when the secret is wrong or missing, then 401 and nothing is counted', async () => {
        const before = await webhookHealth();
        const wrong = await postRaw('{oops', 'webhook_Secret-43');
        expect(wrong.status).toBe(401);
        expect(await wrong.json()).toMatchObject({ message: 'invalid secret token' });
        expect((await postRaw('{oops', null)).status).toBe(401);
        expect((await webhookHealth()).unusable).toBe(before.unusable);
      });

      it('given an odd update, when the secret is wrong, then 401 and nothing is stored', async () => {
        const chat = freshChat();
        const update = sampleTextUpdate({ updateId: chat, chatId: chat, text: 'x', date: 1e15 });
        expect((await postUpdate(update, 'nope')).status).toBe(401);
        expect(await rejectedUpdates(chat)).toEqual([]);
      });
    });

    describe('outbound messages', () => {
      it('given a queued manager message, then the Bot API gets sendMessage and Channel.MessageDelivered is stored', async () => {
        const chat = freshChat();
        const queued = queuedMessage(chat, 'Yes, we are open until 8 pm');
        await queue(queued);
        const result = await resultFor(chat, queued.data.messageId);
        expect(result).toMatchObject({
          type: 'Channel.MessageDelivered',
          data: {
            conversationId: queued.data.conversationId,
            messageId: queued.data.messageId,
            deliveredAt: NOW.toISOString(),
          },
          metadata: { causationId: queued.metadata.eventId, actor: { kind: 'system' } },
        });
        const sent = channel.standIn
          .callsOf('sendMessage')
          .filter((c) => String(c.params['chat_id']) === String(chat));
        expect(sent.map((c) => c.params['text'])).toEqual(['Yes, we are open until 8 pm']);
        expect((result.data as { externalMessageId: string }).externalMessageId).toMatch(/^\d+$/);
      });

      it('given a client who blocked the bot, then Channel.MessageDeliveryFailed with code blocked', async () => {
        const chat = freshChat();
        channel.standIn.blockChat(chat);
        const queued = queuedMessage(chat, 'Hello?');
        await queue(queued);
        const result = await resultFor(chat, queued.data.messageId);
        expect(result).toMatchObject({
          type: 'Channel.MessageDeliveryFailed',
          data: { code: 'blocked', retryable: false, failedAt: NOW.toISOString() },
        });
        expect((result.data as { reason: string }).reason).toMatch(/^The client blocked the bot/);
      });

      it('given Telegram rate-limits once, then the bus retries and the message is delivered', async () => {
        const chat = freshChat();
        channel.standIn.failChat(chat, tooManyRequests(0), 1);
        const queued = queuedMessage(chat, 'after a pause');
        await queue(queued);
        const result = await resultFor(chat, queued.data.messageId);
        expect(result.type).toBe('Channel.MessageDelivered');
        const sent = channel.standIn
          .callsOf('sendMessage')
          .filter((c) => String(c.params['chat_id']) === String(chat));
        expect(sent).toHaveLength(2);
      });

      it('given Telegram rate-limits every attempt, then the last attempt records a retryable rate_limited failure', async () => {
        const chat = freshChat();
        channel.standIn.failChat(chat, tooManyRequests(0));
        const queued = queuedMessage(chat, 'never through');
        await queue(queued);
        const result = await resultFor(chat, queued.data.messageId);
        expect(result).toMatchObject({
          type: 'Channel.MessageDeliveryFailed',
          data: { code: 'rate_limited', retryable: true },
        });
        const sent = channel.standIn
          .callsOf('sendMessage')
          .filter((c) => String(c.params['chat_id']) === String(chat));
        expect(sent).toHaveLength(DEFAULT_MAX_ATTEMPTS);
      });

      it('given Telegram takes the message but never answers, then it is recorded unconfirmed and never sent again', async () => {
        const chat = freshChat();
        channel.standIn.stallChat(chat);
        const queued = queuedMessage(chat, 'did you get this?');
        await queue(queued);
        const result = await resultFor(chat, queued.data.messageId);
        expect(result).toMatchObject({
          type: 'Channel.MessageDeliveryFailed',
          data: { code: 'unconfirmed', retryable: true },
        });
        expect((result.data as { reason: string }).reason).toMatch(/timed out.*not sent again/);

        // The bus delivers the request again: still one call, one outcome.
        const [recorded] = (
          await channel.store.readStream(streamName('conversation', queued.data.conversationId))
        ).filter((r) => r.event.metadata.eventId === queued.metadata.eventId);
        await channel.bus.publish([messageForRecordedEvent(recorded!)]);
        const next = queuedMessage(freshChat(), 'later');
        await queue(next);
        await resultFor(Number(next.data.recipient.chatId), next.data.messageId);
        const calls = channel.standIn
          .callsOf('sendMessage')
          .filter((c) => String(c.params['chat_id']) === String(chat));
        expect(calls).toHaveLength(1);
        const outcomes = (await eventsOf(chat)).filter((e) =>
          e.type.startsWith('Channel.MessageDeliver'),
        );
        expect(outcomes).toHaveLength(1);
      });

      it('given an attempt a crash left unanswered, when the request is delivered again, then it is recorded unconfirmed without a second send', async () => {
        const chat = freshChat();
        const queued = queuedMessage(chat, 'sent just before the crash');
        await channel.store.append(channelStreamOf(chat), [sendAttemptedEvent(queued, 1, NOW)], {
          expected: 'any',
        });
        await queue(queued);
        const result = await resultFor(chat, queued.data.messageId);
        expect(result).toMatchObject({
          type: 'Channel.MessageDeliveryFailed',
          data: { code: 'unconfirmed', retryable: true },
        });
        expect(
          channel.standIn
            .callsOf('sendMessage')
            .filter((c) => String(c.params['chat_id']) === String(chat)),
        ).toHaveLength(0);
      });

      it('given Telegram rate-limits once, then each attempt is recorded before its call, the first with its error', async () => {
        const chat = freshChat();
        channel.standIn.failChat(chat, tooManyRequests(0), 1);
        const queued = queuedMessage(chat, 'recorded attempts');
        await queue(queued);
        await resultFor(chat, queued.data.messageId);
        const trail = (await eventsOf(chat)).map((e) => [
          e.type,
          (e.data as { attempt?: number }).attempt,
        ]);
        expect(trail).toEqual([
          ['Channel.MessageSendAttempted', 1],
          ['Channel.MessageSendAttemptFailed', 1],
          ['Channel.MessageSendAttempted', 2],
          ['Channel.MessageDelivered', undefined],
        ]);
      });

      it('when a queued message is delivered again by the bus, then nothing is sent twice', async () => {
        const chat = freshChat();
        const first = queuedMessage(chat, 'first');
        await queue(first);
        await resultFor(chat, first.data.messageId);
        const [recorded] = (
          await channel.store.readStream(streamName('conversation', first.data.conversationId))
        ).filter((r) => r.event.metadata.eventId === first.metadata.eventId);
        // Redeliver the very same message, then a second one of the same conversation: per-key
        // order means the redelivery has been handled once the second is delivered.
        await channel.bus.publish([messageForRecordedEvent(recorded!)]);
        const second = queuedMessage(chat, 'second');
        await queue(second);
        await resultFor(chat, second.data.messageId);
        const sent = channel.standIn
          .callsOf('sendMessage')
          .filter((c) => String(c.params['chat_id']) === String(chat));
        expect(sent.map((c) => c.params['text'])).toEqual(['first', 'second']);
        const results = (await eventsOf(chat)).filter((e) => e.type === 'Channel.MessageDelivered');
        expect(results).toHaveLength(2);
      });
    });
  });

describeChannel('PGlite', () => embeddedEngines());

describeChannel('PostgreSQL', () =>
  realEngines('parley_channel_telegram', { bus: createInProcessBus() }),
);
