import { REQUEST_BODY_LIMITS, streamName, telegramConversationId } from '@parley/contracts';
import { createPostgresEventStore, type EventStore } from '@parley/eventstore';
import {
  sampleTextUpdate,
  startBotApiStandIn,
  type BotApiStandIn,
} from '@parley/channel-telegram/testing';
import {
  createTestDatabase,
  freePort,
  startServiceProcess,
  testKafkaBrokers,
  type ServiceProcess,
  type TestDatabase,
} from '@parley/test-infra';

// The channel-telegram process (apps/channel-telegram/src/main.ts) has the same HTTP boundaries
// as the gateway (issue 7): JSON-only bodies with a size limit per path, helmet's security
// headers, no X-Powered-By; and its webhook still answers a body it cannot read with 200 (right
// secret) or 401 (wrong or missing), so Telegram never redelivers it.

const TOKEN = '515151:process-Test_token';
const BOT_ID = '515151';
const SECRET = 'process-webhook-secret';
const WORKSPACE = 'channelproc';

describe('the channel-telegram process at its HTTP boundary (real process, PostgreSQL, Kafka)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let standIn: BotApiStandIn;
  let channel: ServiceProcess | undefined;
  let url: string;
  let opsUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase('channel_process');
    store = await createPostgresEventStore({ connectionString: db.url });
    standIn = await startBotApiStandIn({ token: TOKEN });
    const port = await freePort();
    const opsPort = await freePort();
    channel = startServiceProcess('apps/channel-telegram/src/main.ts', {
      EVENT_STORE_URL: db.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      PORT: String(port),
      HEALTH_PORT: String(opsPort),
      WORKSPACE_ID: WORKSPACE,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: standIn.apiRoot,
    });
    await channel.waitForOutput(/channel-telegram listening on/, 90_000);
    url = `http://127.0.0.1:${port}`;
    opsUrl = `http://127.0.0.1:${opsPort}`;
    await channel.waitForOutput(/health \(ops only\)/, 10_000);
  }, 120_000);

  afterAll(async () => {
    if (channel && channel.child.exitCode === null) {
      channel.child.kill('SIGTERM');
      await channel.exited;
    }
    await standIn?.close();
    await store?.close();
    await db?.drop();
  });

  const webhook = (body: string, contentType: string, secret: string | null = SECRET) =>
    fetch(`${url}/channels/telegram/webhook`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        ...(secret !== null && { 'x-telegram-bot-api-secret-token': secret }),
      },
      body,
    });

  const expectSecurityHeaders = (headers: Headers): void => {
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('strict-transport-security')).toContain('max-age=');
    expect(headers.get('x-powered-by')).toBeNull();
  };

  it('given any response, then it carries the security headers and no X-Powered-By', async () => {
    for (const response of [
      await fetch(`${url}/health/live`),
      await fetch(`${url}/nothing-here`),
      await webhook('{}', 'application/json', 'wrong'),
    ]) {
      expectSecurityHeaders(response.headers);
    }
  });

  it('given HEALTH_PORT, when health is asked there, then it shows each part; the public port says only up or down', async () => {
    const ops = await fetch(`${opsUrl}/health`);
    const detailed = (await ops.json()) as { status: string; checks: { name: string }[] };
    expect(detailed.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining(['event-store', 'bus']),
    );
    const open = (await (await fetch(`${url}/health`)).json()) as Record<string, unknown>;
    expect(Object.keys(open)).toEqual(['status']);
    expect(['up', 'down']).toContain(open['status']);
  });

  it('given a form body on a path other than the webhook, then 415 with the reason, in the API error shape', async () => {
    const response = await fetch(`${url}/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1&b=2',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({
      statusCode: 415,
      error: 'Unsupported Media Type',
      issues: [{ field: 'content-type' }],
    });
    expectSecurityHeaders(response.headers);
  });

  it('given a JSON body over the limit of a path other than the webhook, then 413 naming the limit', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(REQUEST_BODY_LIMITS.other) });
    const response = await fetch(`${url}/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      message: expect.stringContaining(String(REQUEST_BODY_LIMITS.other)),
    });
  });

  it.each([
    ['a form body', 'update_id=1&message=hi', 'application/x-www-form-urlencoded'],
    ['a text body', 'hello', 'text/plain'],
    ['broken JSON', '{"update_id": 5, oops', 'application/json'],
    [
      'a body over the webhook limit',
      `{"update_id":9,"pad":"${'x'.repeat(REQUEST_BODY_LIMITS.telegramWebhook)}"}`,
      'application/json',
    ],
  ])(
    'given %s at the webhook, then 200 with the right secret and 401 without it',
    async (_name, body, type) => {
      const accepted = await webhook(body, type);
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toEqual({ ok: true });
      expectSecurityHeaders(accepted.headers);
      expect((await webhook(body, type, 'wrong-secret')).status).toBe(401);
      expect((await webhook(body, type, null)).status).toBe(401);
    },
  );

  it('given an update above the other paths’ limit but under the webhook’s, then 200 and it is stored', async () => {
    const chat = 9101;
    // 4000 characters (Telegram's most is 4096), each sent as a 6-byte JSON escape: 24 KB.
    const text = 'é'.repeat(4000);
    const update = sampleTextUpdate({
      updateId: 1,
      chatId: chat,
      date: Math.floor(Date.now() / 1000),
      text,
    });
    const body = JSON.stringify(update).replace(/é/g, '\\u00e9');
    expect(Buffer.byteLength(body)).toBeGreaterThan(REQUEST_BODY_LIMITS.other);
    const response = await webhook(body, 'application/json');
    expect(response.status).toBe(200);
    const stored = await store.readStream(
      streamName('channel', telegramConversationId(WORKSPACE, BOT_ID, chat)),
    );
    expect(stored.map((r) => r.event.type)).toEqual(['Channel.MessageReceived']);
    expect(stored[0]!.event.data).toMatchObject({ content: { kind: 'text', text } });
    expect(channel!.child.exitCode).toBeNull();
  });
});
