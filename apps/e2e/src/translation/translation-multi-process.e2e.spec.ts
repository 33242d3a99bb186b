import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { sampleTextUpdate } from '@parley/channel-telegram/testing';
import {
  commandsTopic,
  TRANSLATION_SERVICE,
  type CommandResponse,
  type DraftTranslation,
  type ReplyAdvice,
  type TimelineItem,
  type TranslationSettingsView,
} from '@parley/contracts';
import {
  createTestDatabase,
  freePort,
  startServiceProcess,
  testKafkaBrokers,
  waitUntil,
  type ServiceProcess,
  type TestDatabase,
} from '@parley/test-infra';
import {
  LibreTranslateStandIn,
  startOpenAiStandIn,
  type OpenAiStandIn,
} from '@parley/translation-service/testing';
import { createJourneyFixture, type JourneyFixture } from '../journey/journey-fixture';
import { ParleyApiClient } from '../journey/parley-api-client';
import { TelegramWebhookClient } from '../journey/telegram-webhook-client';
import { KafkaTopicReader } from './kafka-topic-reader';

// Issue 12's flow test on the real bus: `npm run start:services` (every service its own OS
// process, PostgreSQL event store, the Kafka broker), the translation process's provider a
// LibreTranslate stand-in (a local HTTP server the real client talks to; it "translates" `text`
// into `xx` as `[xx] text`), its AI an OpenAI stand-in, the Bot API a stand-in. A Spanish client
// writes to a Russian-speaking team; the manager reads both texts and answers in Russian, which
// reaches the client in Spanish. API level: the browser flow is translation-browser.e2e.spec.ts.

// Texts of this run only: translations are cached in the shared Redis across runs.
const ORDER = String(Date.now()).slice(-6);
const SPANISH = `Hola, ¿cuánto cuesta el envío a Madrid del pedido ${ORDER}?`;
const RUSSIAN = `Здравствуйте! Доставка заказа ${ORDER} в Мадрид стоит 10 евро.`;
const API_KEY = `sk-e2e-${Date.now().toString(36)}-never-on-the-bus`;

describe('translation on the real bus: separate processes, Kafka, PostgreSQL', () => {
  let f: JourneyFixture;
  let db: TestDatabase;
  let services: ServiceProcess;
  let libre: LibreTranslateStandIn;
  let openAi: OpenAiStandIn;
  let dataDir: string;
  let webhook: TelegramWebhookClient;
  let admin: ParleyApiClient;
  let manager: ParleyApiClient;
  const LUCIA = 830001;
  let conversationId: string;

  beforeAll(async () => {
    f = await createJourneyFixture();
    libre = await LibreTranslateStandIn.start(null);
    openAi = await startOpenAiStandIn({ apiKey: API_KEY, models: ['gpt-e2e'] });
    db = await createTestDatabase('translation_mp');
    // start:services keeps the PARLEY_SECRET_KEY it generates here (none is given).
    dataDir = mkdtempSync(path.join(tmpdir(), 'parley-translation-mp-'));
    const readStoreUrl = process.env['MONGO_URL'] ?? '';
    const gatewayPort = await freePort();
    const telegramPort = await freePort();
    services = startServiceProcess('tools/start-services/main.ts', {
      ...f.env,
      EVENT_STORE_URL: db.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      PORT: String(gatewayPort),
      TELEGRAM_PORT: String(telegramPort),
      READ_STORE_URL: readStoreUrl,
      READ_STORE_DB: f.workspaceId.replace(/-/g, '_'),
      PARLEY_DATA_DIR: dataDir,
      // Every process inherits it; the translation process is the one that reads it.
      LIBRETRANSLATE_URL: libre.url,
    });
    await services.waitForOutput(/parley: all services up/, 180_000);
    const baseUrl = `http://127.0.0.1:${gatewayPort}`;
    webhook = new TelegramWebhookClient(
      `http://127.0.0.1:${telegramPort}/channels/telegram/webhook`,
      f.webhookSecret,
    );
    admin = new ParleyApiClient(baseUrl);
    await admin.signIn(f.admin.email, f.admin.password);
    manager = new ParleyApiClient(baseUrl);
    await manager.signIn(f.manager.email, f.manager.password);
    conversationId = f.conversationId(LUCIA);
  });

  afterAll(async () => {
    if (services) {
      services.child.kill('SIGTERM');
      await services.exited;
    }
    await f?.standIn.close();
    await libre?.close();
    await openAi?.close();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const accepted = async (response: Response): Promise<CommandResponse> => {
    if (response.status !== 202)
      throw new Error(`expected 202, got ${response.status}: ${await response.text()}`);
    return (await response.json()) as CommandResponse;
  };

  const timelineItem = (predicate: (item: TimelineItem) => boolean, what: string) =>
    manager.waitForTimelineItem(conversationId, predicate, what, 60_000);

  it('given an admin who turns on LibreTranslate with Russian as the team language, when a client writes in Spanish, then the timeline shows the original and its Russian translation', async () => {
    await accepted(
      await admin.request('PUT', '/api/translation/settings', {
        provider: 'libretranslate',
        teamLanguage: 'ru',
      }),
    );
    await waitUntil(
      'the settings projected',
      async () => {
        const settings = await manager.json<TranslationSettingsView>('/api/translation/settings');
        return settings.provider === 'libretranslate' && settings.teamLanguage === 'ru'
          ? true
          : undefined;
      },
      30_000,
      100,
    );

    const update = sampleTextUpdate({
      updateId: 1,
      messageId: 1,
      chatId: LUCIA,
      firstName: 'Lucía',
      lastName: 'García',
      languageCode: 'es',
      text: SPANISH,
    });
    expect((await webhook.post(update)).status).toBe(200);
    await manager.waitForChat((c) => c._id === conversationId, 'the chat', 60_000);

    const incoming = await timelineItem(
      (i) => i.item.kind === 'message' && i.translation?.status === 'translated',
      'the client message with its translation',
    );
    expect(incoming.item).toMatchObject({
      kind: 'message',
      direction: 'in',
      content: { kind: 'text', text: SPANISH },
    });
    expect(incoming.translation).toEqual({
      status: 'translated',
      text: `[ru] ${SPANISH}`,
      from: 'es',
      to: 'ru',
    });
    expect(incoming.language).toBe('es');
    expect(libre.translateRequests()).toContainEqual({
      texts: [SPANISH],
      source: 'es',
      target: 'ru',
    });
  });

  it('given the Spanish chat, when the manager previews a Russian draft and sends it with translatedFrom, then the Bot API gets the Spanish text and the timeline keeps both', async () => {
    const preview = await manager.request(
      'POST',
      `/api/chats/${encodeURIComponent(conversationId)}/translation-preview`,
      { text: RUSSIAN },
    );
    expect(preview.status).toBe(200);
    const draft = (await preview.json()) as DraftTranslation;
    expect(draft).toEqual({
      text: `[es] ${RUSSIAN}`,
      from: 'ru',
      to: 'es',
      provider: 'libretranslate',
    });
    const edited = `${draft.text} ¡Saludos!`;

    const sent = await accepted(
      await manager.request('POST', `/api/chats/${encodeURIComponent(conversationId)}/messages`, {
        text: edited,
        translatedFrom: { text: RUSSIAN, language: 'ru' },
      }),
    );

    const sentTexts = () =>
      f.standIn
        .callsOf('sendMessage')
        .filter((call) => String(call.params['chat_id']) === String(LUCIA))
        .map((call) => call.params['text']);
    await waitUntil(
      'the Spanish reply at the Bot API',
      async () => (sentTexts().includes(edited) ? true : undefined),
      30_000,
      100,
    );
    expect(sentTexts()).toEqual([edited]);
    const outgoing = await timelineItem(
      (i) =>
        i.item.kind === 'message' &&
        i.item.messageId === sent.messageId &&
        i.item.delivery?.status === 'sent',
      'the sent reply',
    );
    expect(outgoing.item).toMatchObject({
      direction: 'out',
      content: { kind: 'text', text: edited },
    });
    expect(outgoing.translation).toEqual({ status: 'original', text: RUSSIAN, language: 'ru' });
  });

  it('given an admin who sets an AI assistant with a key, then the key crosses Kafka sealed, is stored nowhere in clear, and still reaches the AI provider', async () => {
    const topic = commandsTopic(TRANSLATION_SERVICE);
    const reader = new KafkaTopicReader(testKafkaBrokers());
    const mark = await reader.mark(topic);

    await accepted(
      await admin.request('PUT', '/api/translation/assistant', {
        endpoint: openAi.baseUrl,
        model: 'gpt-e2e',
        apiKey: API_KEY,
      }),
    );

    const onTheBus = await reader.readSince(topic, mark, (values) =>
      values.some((v) => v.includes('ConfigureAssistant') && v.includes(f.workspaceId)),
    );
    const command = onTheBus.find((v) => v.includes('ConfigureAssistant'))!;
    expect(command).toContain(openAi.baseUrl);
    expect(command).toMatch(/"sealedApiKey":"v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+"/);
    expect(onTheBus.join('\n')).not.toContain(API_KEY);
    expect(onTheBus.join('\n')).not.toContain('never-on-the-bus');
    // start:services generated the one key both processes hold, kept for the owner only.
    expect(statSync(path.join(dataDir, 'secret-key')).mode & 0o777).toBe(0o600);

    await waitUntil(
      'the assistant in the settings',
      async () =>
        (await manager.json<TranslationSettingsView>('/api/translation/settings')).assistant
          .configured
          ? true
          : undefined,
      30_000,
      100,
    );
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const { rows } = await pg.query<{ count: string }>(
        `SELECT count(*) FROM parley.events WHERE data::text LIKE $1 OR metadata::text LIKE $1`,
        ['%never-on-the-bus%'],
      );
      expect(Number(rows[0]!.count)).toBe(0);
    } finally {
      await pg.end();
    }

    // The translation process opened the gateway's sealed key: the provider gets it as a bearer.
    const advice = await manager.request(
      'POST',
      `/api/chats/${encodeURIComponent(conversationId)}/advice`,
      {},
    );
    expect(advice.status).toBe(200);
    expect((await advice.json()) as ReplyAdvice).toMatchObject({ language: 'ru', demo: false });
    expect(openAi.requests.at(-1)?.authorization).toBe(`Bearer ${API_KEY}`);
    expect(JSON.stringify(openAi.requests.at(-1)?.body)).toContain(SPANISH);
  });
});
