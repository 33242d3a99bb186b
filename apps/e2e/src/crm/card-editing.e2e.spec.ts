import type { Browser, Locator, Page } from 'playwright-core';
import type { Pipeline, SignInResponse } from '@parley/contracts';
import { sampleStartUpdate, sampleTextUpdate } from '@parley/channel-telegram/testing';
import { waitUntil } from '@parley/test-infra';
import { launchChromium } from '../journey/browser';
import {
  requireBuiltWebApp,
  signInInBrowser,
  startStandaloneParley,
  type StandaloneParley,
} from '../journey/standalone-parley';
import type { JourneyFixture } from '../journey/journey-fixture';
import { ParleyApiClient } from '../journey/parley-api-client';
import type { TelegramWebhookClient } from '../journey/telegram-webhook-client';

// Issue 10's right panel in a real browser against `npm start`'s standalone: a manager tags the
// client, moves the deal and takes the client; the card and the timeline show each, and an
// admin watching the same chat sees the tag arrive live.

describe('editing the client card in the browser (npm start, Chromium)', () => {
  let parley: StandaloneParley;
  let f: JourneyFixture;
  let browser: Browser;
  let baseUrl: string;
  let webhook: TelegramWebhookClient;
  const CLIENT = 710001;

  beforeAll(async () => {
    requireBuiltWebApp();
    parley = await startStandaloneParley('card-editing');
    ({ f, baseUrl, webhook } = parley);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
  });

  const signIn = (who: { email: string; password: string }): Promise<Page> =>
    signInInBrowser(browser, baseUrl, who, { viewport: { width: 1400, height: 860 } });

  const openChat = async (page: Page, conversationId: string): Promise<void> => {
    const item = page.locator(
      `[data-testid="chat-item"][data-conversation-id="${conversationId}"]`,
    );
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    await page.getByTestId('card-stage-select').waitFor({ timeout: 30_000 });
  };

  const actionLine = (page: Page, action: string): Locator =>
    page.getByTestId('timeline').locator(`[data-testid="timeline-item"][data-action="${action}"]`);

  it('Given a client who wrote, When the manager tags, moves and takes them, Then the card and timeline show it, live for the admin too', async () => {
    // Given the admin put "VIP" in the tag catalogue,
    const adminApi = new ParleyApiClient(baseUrl);
    await adminApi.signIn(f.admin.email, f.admin.password);
    const created = await adminApi.request('POST', '/api/crm/tags', {
      name: 'VIP',
      colour: '#ffd700',
    });
    expect(created.status).toBe(202);
    const managerApi = new ParleyApiClient(baseUrl);
    const managerSession: SignInResponse = await managerApi.signIn(
      f.manager.email,
      f.manager.password,
    );
    const pipeline = await managerApi.json<Pipeline>('/api/crm/pipeline');
    const second = pipeline.stages.filter((stage) => !stage.retired)[1]!;

    // and a client who wrote,
    const conversationId = f.conversationId(CLIENT);
    const who = { chatId: CLIENT, firstName: 'Vera', lastName: 'Ivanova', username: 'vera_i' };
    expect((await webhook.post(sampleStartUpdate({ updateId: 1, ...who }))).status).toBe(200);
    expect(
      (await webhook.post(sampleTextUpdate({ updateId: 2, ...who, text: 'Is it still on?' })))
        .status,
    ).toBe(200);
    // The card exists once crm's events are projected: until then the API answers 404.
    await waitUntil(
      'the card with its deal',
      async () => {
        const res = await managerApi.request(
          'GET',
          `/api/chats/${encodeURIComponent(conversationId)}/card`,
        );
        if (res.status !== 200) return undefined;
        return ((await res.json()) as { deal: unknown }).deal ? true : undefined;
      },
      30_000,
    );

    // with the manager and the admin both looking at the chat,
    const manager = await signIn(f.manager);
    const admin = await signIn(f.admin);
    await openChat(manager, conversationId);
    await openChat(admin, conversationId);
    const card = manager.getByTestId('client-card');
    await expectAttribute(card.getByTestId('card-stage-select'), 'data-stage', 'new');

    // When the manager types a tag the catalogue lacks, Then the server's reason shows inline.
    await card.getByTestId('card-tag-input').fill('Nonexistent');
    await card.getByTestId('card-tag-input').press('Enter');
    await expectText(card.getByTestId('card-tag-error'), /no tag "Nonexistent"/);

    // When the manager adds "VIP" (Enter), Then the card shows the chip, the timeline the action,
    await card.getByTestId('card-tag-input').fill('vip');
    await card.getByTestId('card-tag-input').press('Enter');
    await card.locator('[data-testid="card-tag"][data-tag="VIP"]').waitFor({ timeout: 20_000 });
    expect(await card.getByTestId('card-tag-error').count()).toBe(0);
    await expectText(actionLine(manager, 'tag.added'), 'You added the tag “VIP”', 20_000);
    // and the admin's card shows it without a reload.
    await admin
      .getByTestId('client-card')
      .locator('[data-testid="card-tag"][data-tag="VIP"]')
      .waitFor({ timeout: 20_000 });
    await expectText(actionLine(admin, 'tag.added'), 'A manager added the tag “VIP”', 20_000);

    // When the manager moves the deal to the second live stage,
    await card.getByTestId('card-stage-select').selectOption(second.stageId);
    await expectAttribute(
      card.getByTestId('card-stage-select'),
      'data-stage',
      second.stageId,
      20_000,
    );
    await expectText(
      actionLine(manager, 'deal.stage_changed'),
      `You moved the deal to “${second.name}”`,
      20_000,
    );

    // When the manager assigns the client to themselves.
    await card.getByTestId('card-assign-me').click();
    await expectAttribute(
      card.getByTestId('card-responsible'),
      'data-manager-id',
      managerSession.user.id,
      20_000,
    );
    await expectText(card.getByTestId('card-responsible'), managerSession.user.name);
    await expectText(actionLine(manager, 'responsible_manager.assigned'), 'You took the client');

    // When the manager moves the deal to line 2.
    await card.getByTestId('card-line-2').click();
    await expectAttribute(card.getByTestId('card-line-2'), 'aria-pressed', 'true', 20_000);
    await expectText(actionLine(manager, 'deal.line_changed'), 'You moved the deal to line 2');

    // The read model agrees.
    const final = await managerApi.card(conversationId);
    expect(final.contact).toMatchObject({
      tags: ['VIP'],
      responsibleManagerId: managerSession.user.id,
    });
    expect(final.deal).toMatchObject({ stage: second.stageId, line: 2 });
  });
});

const expectText = async (locator: Locator, expected: string | RegExp, timeout = 15_000) => {
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
  locator: Locator,
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
