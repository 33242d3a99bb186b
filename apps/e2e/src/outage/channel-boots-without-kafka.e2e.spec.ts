import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createKafkaBus, type Bus } from '@parley/bus';
import {
  newId,
  streamName,
  telegramConversationId,
  type ManagerMessageQueued,
} from '@parley/contracts';
import { createPostgresEventStore, type EventStore } from '@parley/eventstore';
import {
  sampleStartUpdate,
  sampleTextUpdate,
  startBotApiStandIn,
  type BotApiStandIn,
} from '@parley/channel-telegram/testing';
import { messageForRecordedEvent } from '@parley/relay';
import {
  createTestDatabase,
  freePort,
  REPO_ROOT,
  startServiceProcess,
  waitUntil,
  type ServiceProcess,
  type TestDatabase,
} from '@parley/test-infra';

// Issue 7, "Ingestion needs only the event store": the channel-telegram process started while
// Kafka is down boots, answers Telegram's webhook with 200 and stores the updates in PostgreSQL;
// when a broker appears at its KAFKA_BROKERS address, it starts consuming without a restart.
// The broker is one of this suite's own (infra/kafka/kafka.sh on free ports, a temporary data
// dir), never the shared one.

const run = promisify(execFile);
const TOKEN = '424242:outage-Test_token';
const BOT_ID = '424242';
const SECRET = 'outage-webhook-secret';
const WORKSPACE = 'outage';

describe('channel-telegram started while Kafka is down (real process, PostgreSQL, a Kafka of its own)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let standIn: BotApiStandIn;
  let channel: ServiceProcess | undefined;
  let channelUrl: string;
  let kafkaEnv: Record<string, string>;
  let kafkaDataDir: string;
  let kafkaStarted = false;
  let bus: Bus | undefined;

  const kafka = (command: 'up' | 'down') =>
    run('bash', [path.join(REPO_ROOT, 'infra/kafka/kafka.sh'), command], {
      env: { ...process.env, ...kafkaEnv },
      timeout: 120_000,
    });

  beforeAll(async () => {
    db = await createTestDatabase('outage_channel');
    store = await createPostgresEventStore({ connectionString: db.url });
    standIn = await startBotApiStandIn({ token: TOKEN });
    kafkaDataDir = await mkdtemp(path.join(tmpdir(), 'parley-outage-kafka-'));
    kafkaEnv = {
      KAFKA_PORT: String(await freePort()),
      KAFKA_CONTROLLER_PORT: String(await freePort()),
      KAFKA_DATA_DIR: kafkaDataDir,
    };
    const port = await freePort();
    channel = startServiceProcess('apps/channel-telegram/src/main.ts', {
      EVENT_STORE_URL: db.url,
      // Nothing listens there yet: the broker of this suite starts on it later.
      KAFKA_BROKERS: `127.0.0.1:${kafkaEnv['KAFKA_PORT']}`,
      PORT: String(port),
      WORKSPACE_ID: WORKSPACE,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: standIn.apiRoot,
      TELEGRAM_CHAT_SEND_INTERVAL_MS: '0',
    });
    await channel.waitForOutput(/channel-telegram listening on/, 60_000);
    channelUrl = `http://127.0.0.1:${port}`;
  }, 90_000);

  afterAll(async () => {
    if (channel && channel.child.exitCode === null) {
      channel.child.kill('SIGTERM');
      await channel.exited;
    }
    await bus?.close();
    if (kafkaStarted) await kafka('down');
    await rm(kafkaDataDir, { recursive: true, force: true });
    await standIn?.close();
    await store?.close();
    await db?.drop();
  }, 120_000);

  const now = () => Math.floor(Date.now() / 1000);
  const conversationOf = (chatId: number) => telegramConversationId(WORKSPACE, BOT_ID, chatId);
  const channelEventsOf = async (chatId: number) =>
    (await store.readStream(streamName('channel', conversationOf(chatId)))).map((r) => r.event);
  const postUpdate = (update: unknown) =>
    fetch(`${channelUrl}/channels/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update),
    });
  const readiness = async () => (await fetch(`${channelUrl}/health`)).status;

  it('given Kafka is down, when Telegram posts updates, then the webhook answers 200 and the updates are in the event store; readiness says down', async () => {
    const chat = 7001;
    const start = await postUpdate(
      sampleStartUpdate({ updateId: 1, chatId: chat, date: now(), payload: 'outage-ad1' }),
    );
    expect(start.status).toBe(200);
    const text = sampleTextUpdate({ updateId: 2, chatId: chat, date: now(), text: 'still there?' });
    expect((await postUpdate(text)).status).toBe(200);
    expect((await postUpdate(text)).status).toBe(200);

    const events = await channelEventsOf(chat);
    expect(events.map((e) => e.type)).toEqual(['Channel.ClientStarted', 'Channel.MessageReceived']);
    expect(events[1]).toMatchObject({ data: { content: { kind: 'text', text: 'still there?' } } });
    // The bus line is down (no broker, its subscription waiting), so readiness is 503.
    expect(await readiness()).toBe(503);
    expect(channel!.child.exitCode).toBeNull();
  });

  it('when a broker appears at its address, then the process consumes without a restart: readiness up, a queued reply sent', async () => {
    // Its subscription has failed at least once and is retried in the background,
    await channel!.waitForOutput(
      /channel-telegram on parley\.conversation\.events: cannot subscribe yet/,
      90_000,
    );
    await kafka('up');
    kafkaStarted = true;
    await waitUntil(
      'readiness 200 (the bus line up: subscribed, the broker answering)',
      async () => ((await readiness()) === 200 ? true : undefined),
      90_000,
      500,
    );

    // A manager's reply, published as the relay would publish it from the event store.
    const chat = 7001;
    const conversationId = conversationOf(chat);
    const eventId = newId();
    const queued: ManagerMessageQueued = {
      type: 'Conversation.ManagerMessageQueued',
      data: {
        conversationId,
        messageId: newId(),
        managerId: 'manager-1',
        recipient: { channel: 'telegram', botId: BOT_ID, chatId: String(chat) },
        content: { kind: 'text', text: 'we are back' },
        queuedAt: new Date().toISOString(),
      },
      metadata: {
        eventId,
        workspaceId: WORKSPACE,
        aggregateId: conversationId,
        occurredAt: new Date().toISOString(),
        schemaVersion: 1,
        correlationId: eventId,
        causationId: null,
        actor: { kind: 'manager', id: 'manager-1' },
      },
    };
    const conversationStream = streamName('conversation', conversationId);
    await store.append(conversationStream, [queued], { expected: 'any' });
    const [recorded] = await store.readStream(conversationStream);
    bus = createKafkaBus({
      brokers: [`127.0.0.1:${kafkaEnv['KAFKA_PORT']}`],
      clientId: 'outage-e2e',
    });
    await bus.publish([messageForRecordedEvent(recorded!)]);

    const sent = await waitUntil(
      'sendMessage at the Bot API stand-in',
      () => standIn.callsOf('sendMessage')[0],
      60_000,
    );
    expect(sent.params).toMatchObject({ chat_id: chat, text: 'we are back' });
    const delivered = await waitUntil(
      'Channel.MessageDelivered in the event store',
      async () => (await channelEventsOf(chat)).find((e) => e.type === 'Channel.MessageDelivered'),
      30_000,
    );
    expect(delivered.data).toMatchObject({ messageId: queued.data.messageId });
    expect(channel!.output()).toMatch(/on parley\.conversation\.events: consuming \(attempt \d+\)/);
    expect(channel!.output()).not.toMatch(/failed to start/);
  }, 180_000);
});
