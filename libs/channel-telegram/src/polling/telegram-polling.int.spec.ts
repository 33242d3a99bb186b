import { loadConfig } from '@parley/config';
import { streamName, telegramConversationId, type EventEnvelope } from '@parley/contracts';
import { embeddedEngines, startServiceHarness } from '@parley/platform/testing';
import { waitUntil } from '@parley/test-infra';
import { sampleTextUpdate, startBotApiStandIn, type BotApiStandIn } from '../testing';
import { TelegramChannelConfig, TelegramChannelModule } from '../index';
import { TELEGRAM_ALLOWED_UPDATES } from './allowed-updates';
import { TelegramUpdatesPolling } from './telegram-updates-polling';

const TOKEN = '123456:TEST-token_abc';
const BOT_ID = '123456';
const SECRET = 'webhook_Secret-42';
const WORKSPACE = 'ws1';
const NOW = new Date('2026-01-01T10:00:00.000Z');

const configFor = (standIn: BotApiStandIn): TelegramChannelConfig =>
  loadConfig(TelegramChannelConfig, {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: standIn.apiRoot,
    TELEGRAM_MODE: 'polling',
    TELEGRAM_CHAT_SEND_INTERVAL_MS: '0',
    TELEGRAM_API_TIMEOUT_SECONDS: '1',
  });

/** The offsets of the getUpdates calls so far. */
const offsetsAsked = (standIn: BotApiStandIn): number[] =>
  standIn.callsOf('getUpdates').map((c) => Number(c.params['offset']));

describe('Telegram channel in polling mode (TELEGRAM_MODE=polling)', () => {
  let standIn: BotApiStandIn;
  let harness: Awaited<ReturnType<typeof startServiceHarness>>;

  beforeAll(async () => {
    standIn = await startBotApiStandIn({
      token: TOKEN,
      webhookUrl: 'https://old.example.com/channels/telegram/webhook',
    });
    harness = await startServiceHarness({
      engines: embeddedEngines(),
      serviceName: 'channel-telegram',
      workspaceId: WORKSPACE,
      clock: () => NOW,
      modules: [TelegramChannelModule.register(configFor(standIn))],
      http: false,
    });
  });
  afterAll(async () => {
    await harness?.close();
    await standIn?.close();
  });

  const eventsOf = async (chatId: number): Promise<EventEnvelope[]> =>
    (
      await harness.store.readStream(
        streamName('channel', telegramConversationId(WORKSPACE, BOT_ID, chatId)),
      )
    ).map((r) => r.event);

  it('given a webhook was set, when polling starts, then it deletes the webhook before its first getUpdates, keeping pending updates', async () => {
    await waitUntil('a getUpdates call', async () => standIn.callsOf('getUpdates')[0]);
    const methods = standIn.calls.map((c) => c.method);
    expect(methods.indexOf('deleteWebhook')).toBeGreaterThanOrEqual(0);
    expect(methods.indexOf('deleteWebhook')).toBeLessThan(methods.indexOf('getUpdates'));
    expect(standIn.callsOf('deleteWebhook')[0]?.params['drop_pending_updates']).toBe(false);
    expect(standIn.webhook).toBeNull();
    expect(standIn.callsOf('getUpdates').every((c) => c.status === 200 || c.status === null)).toBe(
      true,
    );
    expect(standIn.callsOf('getUpdates')[0]?.params['allowed_updates']).toEqual([
      ...TELEGRAM_ALLOWED_UPDATES,
    ]);
  });

  it('given a text update served by getUpdates, also a second time, then Channel.MessageReceived is stored once and the offset moves past it', async () => {
    const chat = 501;
    const update = sampleTextUpdate({ updateId: 7001, chatId: chat, text: 'Polled hello' });
    standIn.queueUpdates([update]);
    const [event] = await waitUntil('the polled message stored', async () => {
      const events = await eventsOf(chat);
      return events.length > 0 ? events : undefined;
    });
    expect(event).toMatchObject({
      type: 'Channel.MessageReceived',
      data: { content: { kind: 'text', text: 'Polled hello' } },
    });

    // Telegram serves it again (as after a crash before the offset was confirmed), then a next one.
    const next = sampleTextUpdate({ updateId: 7002, chatId: 502, text: 'Next' });
    standIn.queueUpdates([update], { redeliver: true });
    standIn.queueUpdates([next]);
    await waitUntil('the offset past the next update', async () =>
      offsetsAsked(standIn).includes(7003) ? true : undefined,
    );

    expect(await eventsOf(chat)).toHaveLength(1);
    expect(await eventsOf(502)).toHaveLength(1);
    const offsets = offsetsAsked(standIn);
    expect(offsets).toContain(7002); // last update_id + 1 after the first
    // The offset never goes back and never passes an update before it is stored.
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });
});

describe('TelegramUpdatesPolling', () => {
  let standIn: BotApiStandIn;
  beforeEach(async () => {
    standIn = await startBotApiStandIn({ token: TOKEN });
  });
  afterEach(async () => {
    await standIn.close();
  });

  it('given storing an update fails once, then the offset stays and the update is read again', async () => {
    const received: number[] = [];
    let failures = 1;
    const polling = new TelegramUpdatesPolling(
      TelegramUpdatesPolling.apiFor(configFor(standIn)),
      async (update) => {
        const id = (update as { update_id: number }).update_id;
        if (failures-- > 0) throw new Error('store unavailable');
        received.push(id);
      },
      { pollTimeoutSeconds: 1 },
    );
    standIn.queueUpdates([sampleTextUpdate({ updateId: 40, chatId: 9, text: 'again' })]);
    polling.start();
    try {
      await waitUntil('the update stored after a failure', async () =>
        received.length > 0 ? true : undefined,
      );
      await waitUntil('the offset past it', async () =>
        offsetsAsked(standIn).includes(41) ? true : undefined,
      );
    } finally {
      await polling.stop();
    }
    expect(received).toEqual([40]);
    const offsets = offsetsAsked(standIn);
    expect(offsets.slice(0, 2)).toEqual([0, 0]);
  });

  it('when stopped during a long poll, then stop resolves promptly and no more getUpdates are made', async () => {
    const polling = new TelegramUpdatesPolling(
      TelegramUpdatesPolling.apiFor(configFor(standIn)),
      async () => undefined,
    );
    polling.start();
    await waitUntil('a long poll', async () => standIn.callsOf('getUpdates')[0]);
    const started = Date.now();
    await polling.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    const calls = standIn.callsOf('getUpdates').length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(standIn.callsOf('getUpdates')).toHaveLength(calls);
  });
});
