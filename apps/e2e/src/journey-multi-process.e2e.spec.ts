import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { TimelineItem } from '@parley/contracts';
import type { Browser, Page } from 'playwright-core';
import { sampleStartUpdate, sampleTextUpdate } from '@parley/channel-telegram/testing';
import {
  createTestDatabase,
  freePort,
  REPO_ROOT,
  reportMongoEngine,
  startServiceProcess,
  testKafkaBrokers,
  waitUntil,
  type ServiceProcess,
  type TestDatabase,
} from '@parley/test-infra';
import { launchChromium } from './journey/browser';
import { createJourneyFixture, type JourneyFixture } from './journey/journey-fixture';
import { ParleyApiClient } from './journey/parley-api-client';
import { TelegramWebhookClient } from './journey/telegram-webhook-client';

// The walking skeleton's journey (issue 3) in a real browser against the local real-infra mode:
// every service its own OS process (`npm run start:services`), PostgreSQL event store, the
// Kafka broker, the Bot API answered by a local stand-in. Steps numbered as in the issue.

const SCREENSHOT = path.join(REPO_ROOT, 'docs/screenshots/walking-skeleton-chat-list.png');

describe('a client message, both ways, in a browser, on separate processes and real engines', () => {
  let f: JourneyFixture;
  let db: TestDatabase;
  let services: ServiceProcess;
  let browser: Browser;
  let baseUrl: string;
  let webhook: TelegramWebhookClient;
  let telegramPort: number;
  const ANNA = 800001;
  const BORIS = 800002;

  beforeAll(async () => {
    if (!existsSync(path.join(REPO_ROOT, 'dist/apps/web/index.html'))) {
      throw new Error('the web app is not built: run `npm run build:web` (npm test does)');
    }
    f = await createJourneyFixture();
    const readStoreUrl = process.env['MONGO_URL'] ?? '';
    if (readStoreUrl)
      await reportMongoEngine("the multi-process journey's read models", readStoreUrl);
    db = await createTestDatabase('journey');
    const gatewayPort = await freePort();
    telegramPort = await freePort();
    services = startServiceProcess('tools/start-services/main.ts', {
      ...f.env,
      EVENT_STORE_URL: db.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      PORT: String(gatewayPort),
      TELEGRAM_PORT: String(telegramPort),
      // With a MongoDB-wire server (FerretDB, which `npm test` starts) the projector is a process of its own;
      // without one the gateway projects in its own memory.
      READ_STORE_URL: readStoreUrl,
      READ_STORE_DB: f.workspaceId.replace(/-/g, '_'),
    });
    await services.waitForOutput(/parley: all services up/, 180_000);
    baseUrl = `http://127.0.0.1:${gatewayPort}`;
    webhook = new TelegramWebhookClient(
      `http://127.0.0.1:${telegramPort}/channels/telegram/webhook`,
      f.webhookSecret,
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (services) {
      services.child.kill('SIGTERM');
      await services.exited;
    }
    await f?.standIn.close();
    await db?.drop();
  });

  const signIn = async (who: { email: string; password: string }): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByTestId('signin-email').fill(who.email);
    await page.getByTestId('signin-password').fill(who.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('chat-list').waitFor();
    return page;
  };

  const chatItem = (page: Page, conversationId: string) =>
    page.locator(`[data-testid="chat-item"][data-conversation-id="${conversationId}"]`);

  it('refuses a bad secret (401) and keeps a malformed update as rejected (200) at the webhook', async () => {
    const update = sampleTextUpdate({ updateId: 1, chatId: 1, text: 'sneaky' });
    expect((await webhook.post(update, 'wrong')).status).toBe(401);
    expect((await webhook.post(update, null)).status).toBe(401);
    const bad = await webhook.post({
      update_id: 2,
      message: { message_id: 1, date: 1, text: 'x' },
    });
    expect(bad.status).toBe(200);
    // The channel's public health says up and nothing more (no gateway, no admin here); the
    // rejected update is in the event store.
    const health = await fetch(`http://127.0.0.1:${telegramPort}/health`);
    expect({ status: health.status, body: await health.json() }).toEqual({
      status: 200,
      body: { status: 'up' },
    });
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const { rows } = await pg.query<{ count: string }>(
        `SELECT count(*) FROM parley.events WHERE type = 'Channel.UpdateRejected'`,
      );
      expect(Number(rows[0]!.count)).toBe(1);
    } finally {
      await pg.end();
    }
  });

  it('walks steps 1-7', async () => {
    const conversationId = f.conversationId(ANNA);
    const manager = await signIn(f.manager);
    const admin = await signIn(f.admin);

    // 1-2. A Telegram update from an unknown client, with a /start payload before it; delivered twice.
    const now = () => Math.floor(Date.now() / 1000);
    const profile = { chatId: ANNA, firstName: 'Anna', lastName: 'Petrova', username: 'anna_p' };
    const postedAt = Date.now();
    expect(
      (
        await webhook.post(
          sampleStartUpdate({
            ...profile,
            date: now(),
            updateId: 100,
            // base64url of {"s":"facebook","c":"winter26","a":"ad12"}: a link built outside Parley (R2)
            payload: 'eyJzIjoiZmFjZWJvb2siLCJjIjoid2ludGVyMjYiLCJhIjoiYWQxMiJ9',
          }),
        )
      ).status,
    ).toBe(200);
    const hello = sampleTextUpdate({
      ...profile,
      date: now(),
      updateId: 101,
      text: 'Hello! How much is the premium plan?',
    });
    expect((await webhook.post(hello)).status).toBe(200);
    expect((await webhook.post(hello)).status).toBe(200);

    // 3-5. The chat list shows the client, the last message, its time and "new message", live.
    const item = chatItem(manager, conversationId);
    await item.waitFor({ timeout: 60_000 });
    await item
      .getByTestId('chat-last-message')
      .filter({ hasText: 'How much is the premium plan?' })
      .waitFor();
    const projector = process.env['MONGO_URL']
      ? 'projector process, Mongo-wire read store'
      : 'projector inside the gateway';
    process.stderr.write(
      `multi-process journey (${projector}): webhook → browser chat list in ${Date.now() - postedAt} ms\n`,
    );
    await expectText(item.getByTestId('chat-name'), 'Anna Petrova');
    await expectAttribute(item.getByTestId('chat-status'), 'data-status', 'new_message');
    await expectText(item.getByTestId('chat-unread'), '1');
    expect(await item.getByTestId('chat-time').textContent()).toMatch(/\d/);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });

    // Opening it shows the timeline (the message once) and the contact card with the attribution.
    await item.click();
    const timeline = manager.getByTestId('timeline');
    await timeline.locator('[data-testid="timeline-item"][data-direction="in"]').first().waitFor();
    expect(
      await timeline.locator('[data-testid="timeline-item"][data-direction="in"]').count(),
    ).toBe(1);
    const card = manager.getByTestId('client-card');
    await expectText(card.getByTestId('card-field-source'), 'facebook');
    await expectText(card.getByTestId('card-field-campaign'), 'winter26');
    await expectText(card.getByTestId('card-field-stage'), /new/i);
    await manager.screenshot({ path: SCREENSHOT });

    // 6. The manager types a reply and presses Enter: sending → sent, and the Bot API has it.
    await manager.getByTestId('reply-input').fill('Hi Anna! Premium is 10 EUR a month.');
    await manager.getByTestId('reply-input').press('Enter');
    const out = timeline.locator('[data-testid="timeline-item"][data-direction="out"]');
    await out.first().waitFor();
    await timeline
      .locator('[data-testid="timeline-item"][data-direction="out"][data-delivery="sent"]')
      .waitFor({ timeout: 30_000 });
    expect(
      f.standIn.callsOf('sendMessage').map((c) => [String(c.params['chat_id']), c.params['text']]),
    ).toContainEqual([String(ANNA), 'Hi Anna! Premium is 10 EUR a month.']);

    // 7. The manager marks the chat read; the admin's list updates live, without reload.
    const adminItem = chatItem(admin, conversationId);
    await adminItem.waitFor();
    await manager.getByTestId('mark-read').click();
    await expectAttribute(adminItem.getByTestId('chat-status'), 'data-status', 'read', 30_000);
    expect(await adminItem.getByTestId('chat-unread').count()).toBe(0);
  });

  it('shows "error" with the reason when the client blocked the bot (403), and a retry after the unblock sends it', async () => {
    const conversationId = f.conversationId(BORIS);
    f.standIn.blockChat(BORIS);
    const manager = await signIn(f.manager);
    expect(
      (
        await webhook.post(
          sampleTextUpdate({ updateId: 200, chatId: BORIS, firstName: 'Boris', text: 'hi' }),
        )
      ).status,
    ).toBe(200);
    const item = chatItem(manager, conversationId);
    await item.waitFor({ timeout: 60_000 });
    await item.click();
    await manager.getByTestId('reply-input').fill('Hello Boris');
    await manager.getByTestId('reply-send').click();
    const failed = manager.locator(
      '[data-testid="timeline-item"][data-direction="out"][data-delivery="error"]',
    );
    await failed.waitFor({ timeout: 30_000 });
    expect(await failed.getByTestId('delivery-error-reason').textContent()).toMatch(
      /blocked the bot/i,
    );
    await expectAttribute(item.getByTestId('chat-status'), 'data-status', 'error', 30_000);

    // C4: the client unblocks the bot; the manager retries the reply from the timeline.
    f.standIn.unblockChat(BORIS);
    await failed.getByTestId('retry-message').click();
    const sent = manager.locator(
      '[data-testid="timeline-item"][data-direction="out"][data-delivery="sent"]',
    );
    await sent.waitFor({ timeout: 30_000 });
    expect(await sent.textContent()).toContain('Hello Boris');
    const toBoris = f.standIn
      .callsOf('sendMessage')
      .filter((c) => String(c.params['chat_id']) === String(BORIS));
    expect(toBoris).toHaveLength(2); // the refused attempt, then the retry
  });

  it('runs an admin’s rule across the processes on Kafka: a keyword moves the deal, tags the client and sends a template, each by the robot (issue 13)', async () => {
    const admin = new ParleyApiClient(baseUrl);
    await admin.signIn(f.admin.email, f.admin.password);
    const created = await admin.request('POST', '/api/templates', {
      name: 'Offer',
      shortcode: 'offer',
      text: 'Hi {user_name}! The course is in {stage} for you.',
    });
    expect(created.status).toBe(202);
    const { templateId } = (await created.json()) as { templateId: string };
    const rule = await admin.request('POST', '/api/robots/rules', {
      definition: {
        name: 'Price question',
        trigger: { kind: 'keyword', keywords: ['price'] },
        conditions: [],
        actions: [
          { kind: 'change_stage', stage: 'in_progress' },
          { kind: 'add_tag', tag: 'price-asked' },
          { kind: 'send_template', templateId },
        ],
      },
    });
    expect(rule.status).toBe(202);
    const { ruleId } = (await rule.json()) as { ruleId: string };

    const CARLA = 800003;
    const update = sampleTextUpdate({
      updateId: 3_000,
      messageId: 1,
      chatId: CARLA,
      firstName: 'Carla',
      text: 'What is the price?',
    });
    expect((await webhook.post(update)).status).toBe(200);

    // The template reaches Telegram, rendered for Carla (the stage as it was when the rule ran).
    const [sent] = await waitUntil(
      'the template at the Bot API',
      async () => {
        const calls = f.standIn
          .callsOf('sendMessage')
          .filter((c) => String(c.params['chat_id']) === String(CARLA));
        return calls.length > 0 ? calls : undefined;
      },
      60_000,
    );
    expect(sent!.params['text']).toBe('Hi Carla! The course is in New for you.');

    // The timeline shows the run and what it caused, each attributed to the rule.
    const conversationId = f.conversationId(CARLA);
    const byRule = (item: TimelineItem) => item.actor?.kind === 'robot' && item.actor.id === ruleId;
    const items = await waitUntil(
      'the robot’s items on the timeline',
      async () => {
        const found = (await admin.timeline(conversationId)).items.filter(byRule);
        const kinds = found.map((i) => (i.item.kind === 'action' ? i.item.action : i.item.kind));
        return ['robot.ran', 'deal.stage_changed', 'tag.added', 'message'].every((k) =>
          kinds.includes(k),
        )
          ? kinds
          : undefined;
      },
      60_000,
    );
    expect(items).toEqual(
      expect.arrayContaining(['robot.ran', 'deal.stage_changed', 'tag.added', 'message']),
    );
    // The card is another read model, written beside the timeline rather than with it: wait for it.
    const card = await waitUntil(
      'the card with the new stage and tag',
      async () => {
        const c = await admin.card(conversationId);
        return c.deal?.stage === 'in_progress' && c.contact?.tags.includes('price-asked')
          ? c
          : undefined;
      },
      30_000,
    );
    expect(card.deal?.stage).toBe('in_progress');
    expect(card.contact?.tags).toContain('price-asked');
  });
});

const expectText = async (
  locator: import('playwright-core').Locator,
  expected: string | RegExp,
  timeout = 15_000,
) => {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.textContent({ timeout })) ?? '';
    if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected text ${expected}, got "${last}"`);
};

const expectAttribute = async (
  locator: import('playwright-core').Locator,
  name: string,
  expected: string,
  timeout = 15_000,
) => {
  const deadline = Date.now() + timeout;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await locator.getAttribute(name, { timeout });
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${name}="${expected}", got "${last}"`);
};
