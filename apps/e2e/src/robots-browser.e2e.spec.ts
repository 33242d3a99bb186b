import type { Browser } from 'playwright-core';
import { sampleTextUpdate } from '@parley/channel-telegram/testing';
import { waitUntil } from '@parley/test-infra';
import { launchChromium } from './journey/browser';
import { ParleyApiClient } from './journey/parley-api-client';
import type { JourneyFixture } from './journey/journey-fixture';
import {
  requireBuiltWebApp,
  signInInBrowser,
  startStandaloneParley,
  type StandaloneParley,
} from './journey/standalone-parley';

// Issue 13, robots (A1, A2, A4) in a real browser against `npm start`: an admin writes a rule in
// Admin → Robots (a keyword moves the deal, tags the client and sends a template); a client's
// message with the keyword triggers it; the timeline shows the robot's run naming the rule, the
// card shows the new stage and tag, the template reaches the Bot API stand-in; a manager answers
// with / and a template; the rule's last runs list the run.

describe('robots in the browser (npm start, Chromium)', () => {
  let parley: StandaloneParley;
  let f: JourneyFixture;
  let browser: Browser;
  const CLIENT = 750001;

  beforeAll(async () => {
    requireBuiltWebApp();
    parley = await startStandaloneParley('robots-browser');
    f = parley.f;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
  });

  it('Given an admin’s template and rule, When a client writes the keyword, Then the robot moves the deal, tags the client and sends the template, the timeline names the rule, and a manager answers with / and a template', async () => {
    const api = new ParleyApiClient(parley.baseUrl);
    await api.signIn(f.admin.email, f.admin.password);
    const created = await api.request('POST', '/api/templates', {
      name: 'Offer',
      shortcode: 'offer',
      text: 'Hi {user_name}, here is our offer.',
    });
    expect(created.status).toBe(202);
    const { templateId } = (await created.json()) as { templateId: string };

    const admin = await signInInBrowser(browser, parley.baseUrl, f.admin);
    await admin.goto(`${parley.baseUrl}/#/admin/robots`);
    await admin.getByTestId('admin-robots').waitFor();

    await admin.getByTestId('rule-name').fill('Price question');
    await admin.getByTestId('rule-trigger-kind').selectOption('keyword');
    await admin.getByTestId('rule-trigger-keywords').fill('price, cost');
    await admin.getByTestId('rule-add-action').click();
    await admin.getByTestId('rule-action-kind').first().selectOption('change_stage');
    await admin.getByTestId('rule-action-stage').first().selectOption('in_progress');
    await admin.getByTestId('rule-add-action').click();
    await admin.getByTestId('rule-action-kind').nth(1).selectOption('add_tag');
    await admin.getByTestId('rule-action-tag').first().fill('price-asked');
    await admin.getByTestId('rule-add-action').click();
    await admin.getByTestId('rule-action-kind').nth(2).selectOption('send_template');
    await admin.getByTestId('rule-action-template').first().selectOption(templateId);
    await admin.getByTestId('rule-save').click();
    const row = admin.locator('[data-testid="rule-row"][data-enabled="true"]').filter({
      hasText: 'Price question',
    });
    await row.waitFor({ timeout: 20_000 });

    const update = sampleTextUpdate({
      updateId: 1,
      messageId: 1,
      chatId: CLIENT,
      firstName: 'Pablo',
      text: 'Hi! What is the price of the course?',
    });
    expect((await parley.webhook.post(update)).status).toBe(200);

    const manager = await signInInBrowser(browser, parley.baseUrl, f.manager);
    const item = manager.locator(
      `[data-testid="chat-item"][data-conversation-id="${f.conversationId(CLIENT)}"]`,
    );
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    const timeline = manager.getByTestId('timeline');
    await waitUntil(
      'the robot’s run on the timeline',
      async () => (/Robot «Price question»/.test(await timeline.innerText()) ? true : undefined),
      30_000,
    );
    // The card shows what the robot did: the stage and the tag.
    await waitUntil('the tag on the card', async () =>
      /price-asked/.test(await manager.locator('.client-card').innerText()) ? true : undefined,
    );
    await waitUntil('the stage on the card', async () =>
      (await manager.getByTestId('card-stage-select').inputValue()) === 'in_progress'
        ? true
        : undefined,
    );

    // The robot's template reached the client, rendered for them.
    const toPablo = () =>
      f.standIn
        .callsOf('sendMessage')
        .filter((c) => String(c.params['chat_id']) === String(CLIENT))
        .map((c) => c.params['text']);
    await waitUntil('the robot’s template at the Bot API', async () =>
      toPablo().includes('Hi Pablo, here is our offer.') ? true : undefined,
    );

    // A manager answers with / and the template.
    const input = manager.getByTestId('reply-input');
    await input.fill('/off');
    await manager.locator('[data-testid="quick-command"][data-shortcode="offer"]').waitFor();
    await input.press('Enter');
    await input.fill(`${await input.inputValue()} Any questions?`);
    await manager.getByTestId('reply-send').click();
    await waitUntil('the manager’s answer at the Bot API', async () =>
      toPablo().includes('Hi Pablo, here is our offer. Any questions?') ? true : undefined,
    );

    // The rule's last runs list this conversation.
    await admin.reload();
    const runs = admin
      .locator('[data-testid="rule-row"]')
      .filter({ hasText: 'Price question' })
      .getByTestId('rule-run');
    await runs.first().waitFor({ timeout: 20_000 });
    expect(await runs.first().getAttribute('data-outcome')).toBe('run');
  });
});
