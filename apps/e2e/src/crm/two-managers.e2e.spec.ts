import type { Browser, Locator, Page } from 'playwright-core';
import type { ClientCard, CrmSettingsView, Pipeline, SignInResponse } from '@parley/contracts';
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

// Issue 10 with two people on one chat, in real browsers against `npm start`'s standalone: the
// admin works the client from the right panel (tag, stage, responsible manager, task, note,
// sale, contact name) and the manager, who never reloads, sees each change arrive, with the
// timeline saying who did it.

/** The admin picks due times in Moscow (UTC+3 all year): the browser context's time zone. */
const ADMIN_TIME_ZONE = 'Europe/Moscow';
const HOUR = 3_600_000;

/** An instant as a datetime-local value in Moscow: `2026-12-03T10:00`. */
const moscowLocal = (at: number): string => new Date(at + 3 * HOUR).toISOString().slice(0, 16);

describe('two users on one client card, live (npm start, Chromium)', () => {
  let parley: StandaloneParley;
  let f: JourneyFixture;
  let browser: Browser;
  let baseUrl: string;
  let webhook: TelegramWebhookClient;
  const CLIENT = 720002;

  beforeAll(async () => {
    requireBuiltWebApp();
    parley = await startStandaloneParley('two-managers');
    ({ f, baseUrl, webhook } = parley);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
  });

  const signIn = (
    who: { email: string; password: string },
    options: { timezoneId?: string; permissions?: string[] } = {},
  ): Promise<Page> =>
    signInInBrowser(browser, baseUrl, who, { viewport: { width: 1400, height: 1000 }, ...options });

  const openChat = async (page: Page, conversationId: string): Promise<void> => {
    const item = page.locator(
      `[data-testid="chat-item"][data-conversation-id="${conversationId}"]`,
    );
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    await page.getByTestId('card-stage-select').waitFor({ timeout: 30_000 });
  };

  /** A client who wrote, once crm projected their card with its deal. */
  const clientWrote = async (api: ParleyApiClient, chatId: number, firstName: string) => {
    const conversationId = f.conversationId(chatId);
    const who = { chatId, firstName, lastName: 'Orlov', username: `${firstName.toLowerCase()}_o` };
    expect((await webhook.post(sampleStartUpdate({ updateId: chatId * 10, ...who }))).status).toBe(
      200,
    );
    expect(
      (
        await webhook.post(
          sampleTextUpdate({ updateId: chatId * 10 + 1, ...who, text: 'How do I start?' }),
        )
      ).status,
    ).toBe(200);
    // The card exists once crm's events are projected: until then the API answers 404.
    await waitUntil(
      'the card with its deal',
      async () => {
        const res = await api.request(
          'GET',
          `/api/chats/${encodeURIComponent(conversationId)}/card`,
        );
        if (res.status !== 200) return undefined;
        return ((await res.json()) as ClientCard).deal ? true : undefined;
      },
      30_000,
    );
    return conversationId;
  };

  const actionLine = (page: Page, action: string): Locator =>
    page.getByTestId('timeline').locator(`[data-testid="timeline-item"][data-action="${action}"]`);

  it('Given the admin and the manager on the same chat, When the admin works the client, Then the manager sees every change live and the timeline says who did it', async () => {
    // Given a workspace with "VIP" in its catalogue,
    const adminApi = new ParleyApiClient(baseUrl);
    const adminSession: SignInResponse = await adminApi.signIn(f.admin.email, f.admin.password);
    expect(
      (await adminApi.request('POST', '/api/crm/tags', { name: 'VIP', colour: '#ffd700' })).status,
    ).toBe(202);
    const managerApi = new ParleyApiClient(baseUrl);
    const managerSession: SignInResponse = await managerApi.signIn(
      f.manager.email,
      f.manager.password,
    );
    const pipeline = await managerApi.json<Pipeline>('/api/crm/pipeline');
    const second = pipeline.stages.filter((stage) => !stage.retired)[1]!;

    // and a client who wrote,
    const conversationId = await clientWrote(managerApi, CLIENT, 'Pavel');

    // with both looking at it in their browsers.
    const manager = await signIn(f.manager);
    const admin = await signIn(f.admin, { timezoneId: ADMIN_TIME_ZONE });
    await openChat(manager, conversationId);
    await openChat(admin, conversationId);
    const adminCard = admin.getByTestId('client-card');
    const managerCard = manager.getByTestId('client-card');
    const reloads: string[] = [];
    manager.on('framenavigated', (frame) => {
      if (frame === manager.mainFrame()) reloads.push(frame.url());
    });

    // When the admin adds the tag "VIP",
    await adminCard.getByTestId('card-tag-input').fill('VIP');
    await adminCard.getByTestId('card-tag-input').press('Enter');
    // Then the manager's card shows it, and their timeline says a manager did it.
    await managerCard
      .locator('[data-testid="card-tag"][data-tag="VIP"]')
      .waitFor({ timeout: 20_000 });
    await expectText(actionLine(manager, 'tag.added'), 'A manager added the tag “VIP”', 20_000);
    await expectText(actionLine(admin, 'tag.added'), 'You added the tag “VIP”', 20_000);

    // When the admin moves the deal to the second stage, Then the manager's select follows.
    await adminCard.getByTestId('card-stage-select').selectOption(second.stageId);
    await expectAttribute(
      managerCard.getByTestId('card-stage-select'),
      'data-stage',
      second.stageId,
      20_000,
    );
    await expectText(
      actionLine(manager, 'deal.stage_changed'),
      `A manager moved the deal to “${second.name}”`,
      20_000,
    );

    // When the admin hands the client to the manager with the picker (names, not ids),
    const picker = adminCard.getByTestId('card-responsible-select');
    expect(await picker.locator('option').allTextContents()).toEqual(
      expect.arrayContaining(['Manager', `${adminSession.user.name} (you)`]),
    );
    await picker.selectOption({ label: 'Manager' });
    // Then the admin's card names the manager, and the manager's card says it is them.
    await expectAttribute(
      adminCard.getByTestId('card-responsible'),
      'data-manager-id',
      managerSession.user.id,
      20_000,
    );
    await expectText(adminCard.getByTestId('card-responsible'), 'Manager');
    await expectAttribute(
      managerCard.getByTestId('card-responsible'),
      'data-manager-id',
      managerSession.user.id,
      20_000,
    );
    await expectText(managerCard.getByTestId('card-responsible'), 'Manager (you)');
    await expectText(
      actionLine(manager, 'responsible_manager.assigned'),
      'A manager made you the responsible manager',
      20_000,
    );

    // When the admin adds a task for the manager that was due yesterday,
    const yesterday = moscowLocal(Date.now() - 24 * HOUR);
    await adminCard.getByTestId('card-task-description').fill('Call back about the deposit');
    await adminCard.getByTestId('card-task-due-input').fill(yesterday);
    await adminCard
      .getByTestId('card-task-assignee-select')
      .selectOption({ label: managerSession.user.name });
    await adminCard.getByTestId('card-task-add').click();
    // Then the manager sees it, overdue, theirs, and the timeline has it with who created it.
    const managerTask = managerCard.getByTestId('card-task');
    await managerTask.waitFor({ timeout: 20_000 });
    await expectText(managerTask, 'Call back about the deposit');
    await expectAttribute(managerTask, 'data-overdue', 'true');
    await expectText(managerTask.getByTestId('card-task-assignee'), managerSession.user.name);
    await expectText(actionLine(manager, 'task.created'), 'Task created by a manager', 20_000);
    const card = await adminApi.card(conversationId);
    const [task] = Object.values(card.tasks ?? {});
    expect(task).toMatchObject({
      description: 'Call back about the deposit',
      timeZone: ADMIN_TIME_ZONE,
      dueAt: `${yesterday}:00+03:00`,
      assigneeId: managerSession.user.id,
      status: 'open',
    });

    // When the admin reschedules it to the day after tomorrow, Then it is no longer overdue.
    const adminTask = adminCard.getByTestId('card-task');
    await adminTask.getByTestId('card-task-reschedule').click();
    await adminTask.getByTestId('card-task-new-due').fill(moscowLocal(Date.now() + 48 * HOUR));
    await adminTask.getByTestId('card-task-reschedule-save').click();
    await expectAttribute(managerTask, 'data-overdue', 'false', 20_000);
    await expectText(actionLine(manager, 'task.rescheduled'), 'Task rescheduled by a manager');

    // When the admin marks it done, Then the manager's task is done, and it can be reopened.
    await adminTask.getByTestId('card-task-complete').click();
    await expectAttribute(managerTask, 'data-status', 'done', 20_000);
    await expectText(actionLine(manager, 'task.completed'), 'Task completed by a manager');
    await adminTask.getByTestId('card-task-reopen').click();
    await expectAttribute(managerTask, 'data-status', 'open', 20_000);

    // When the admin adds a note, Then it is on the manager's timeline in its own style.
    await adminCard.getByTestId('card-note-text').fill('Prefers calls after 18:00');
    await adminCard.getByTestId('card-note-add').click();
    await expectText(
      manager.getByTestId('timeline').locator('[data-testid="timeline-item"][data-kind="note"]'),
      'Prefers calls after 18:00',
      20_000,
    );

    // When the admin records a sale, Then the manager's card shows the sum in its currency.
    await adminCard.getByTestId('card-sale-account').fill('ACC-42');
    await adminCard.getByTestId('card-sale-amount').fill('125.5');
    await adminCard.getByTestId('card-sale-currency').fill('usd');
    await adminCard.getByTestId('card-sale-record').click();
    const usd = managerCard.locator('[data-testid="card-sales-line"][data-currency="USD"]');
    await expectText(usd, 'US$125.50', 20_000);
    await expectText(
      actionLine(manager, 'sale.recorded'),
      'A manager recorded a sale of 125.50 USD',
      20_000,
    );

    // When the admin gives a country that does not exist, Then the gateway's reason shows,
    await adminCard.getByTestId('card-contact-country').fill('XX');
    await adminCard.getByTestId('card-contact-save').click();
    await expectText(adminCard.getByTestId('card-contact-error'), /country/, 20_000);
    // and when the admin corrects it and renames the client, the manager's card follows.
    await adminCard.getByTestId('card-contact-country').fill('de');
    await adminCard.getByTestId('card-contact-name').fill('Pavel Orlov (VIP)');
    await adminCard.getByTestId('card-contact-save').click();
    await expectValue(managerCard.getByTestId('card-contact-name'), 'Pavel Orlov (VIP)', 20_000);
    await expectValue(managerCard.getByTestId('card-contact-country'), 'DE', 20_000);
    await expectText(
      actionLine(manager, 'contact.edited'),
      /A manager edited the contact: (name, country|country, name)/,
      20_000,
    );

    // The manager's page never reloaded, and the read model agrees with what both saw.
    expect(reloads).toEqual([]);
    const final = await managerApi.card(conversationId);
    expect(final.contact).toMatchObject({
      name: 'Pavel Orlov (VIP)',
      country: 'DE',
      tags: ['VIP'],
      responsibleManagerId: managerSession.user.id,
      salesByCurrency: { USD: { sumMinor: 12550, count: 1 } },
    });
    expect(final.deal).toMatchObject({ stage: second.stageId });
  });

  it("Given no registration-link template, When the admin sets one, Then the manager's card offers the client's link with a Copy button", async () => {
    const adminApi = new ParleyApiClient(baseUrl);
    await adminApi.signIn(f.admin.email, f.admin.password);
    const managerApi = new ParleyApiClient(baseUrl);
    await managerApi.signIn(f.manager.email, f.manager.password);
    const conversationId = await clientWrote(managerApi, CLIENT + 1, 'Ivan');
    const { contact } = await managerApi.card(conversationId);
    expect(contact?.clickId).toMatch(/^[A-Za-z0-9_-]{22}$/);

    // Given no template, the manager's card says so.
    const manager = await signIn(f.manager, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await openChat(manager, conversationId);
    const card = manager.getByTestId('client-card');
    await expectText(
      card.getByTestId('card-registration-note'),
      'The admin has not set a registration link',
    );

    // When the admin sets a template,
    const template = 'https://broker.example/signup?src=parley&cid={click_id}';
    expect((await adminApi.request('PUT', '/api/crm/registration-link', { template })).status).toBe(
      202,
    );
    await waitUntil(
      'the template in the settings',
      async () =>
        (await managerApi.json<CrmSettingsView>('/api/crm/settings')).registrationLinkTemplate ===
          template || undefined,
      20_000,
    );
    // Then (settings are read with the card: a fresh page) the card shows the client's link,
    await manager.reload();
    await openChat(manager, conversationId);
    const link = `https://broker.example/signup?src=parley&cid=${contact!.clickId!}`;
    await expectValue(card.getByTestId('card-registration-link'), link, 20_000);
    // and Copy puts it on the clipboard, saying so.
    await card.getByTestId('card-registration-copy').click();
    await expectAttribute(card.getByTestId('card-registration-copy'), 'data-state', 'copied');
    await expectText(card.getByTestId('card-registration-copy'), 'Copied');
    expect(await manager.evaluate<string>('navigator.clipboard.readText()')).toBe(link);
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

const expectValue = async (locator: Locator, expected: string, timeout = 15_000) => {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await locator.inputValue({ timeout });
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected the value "${expected}", got "${last}"`);
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
