import type { Browser, Page } from 'playwright-core';
import { sampleTextUpdate, type BotApiCall } from '@parley/channel-telegram/testing';
import { waitUntil } from '@parley/test-infra';
import { launchChromium } from './journey/browser';
import type { JourneyFixture } from './journey/journey-fixture';
import {
  requireBuiltWebApp,
  signInInBrowser,
  startStandaloneParley,
  type StandaloneParley,
} from './journey/standalone-parley';

// Issue 13, templates and quick commands (B1, B3, A4) in a real browser against `npm start`: an
// admin sets a workspace variable and writes a template with variables, previewed for a chosen
// client; a manager types `/`, picks it, gets it rendered for their client, edits it and sends it,
// and the Bot API stand-in gets that text.

describe('templates and quick commands in the browser (npm start, Chromium)', () => {
  let parley: StandaloneParley;
  let f: JourneyFixture;
  let browser: Browser;
  const CLIENT = 740001;

  beforeAll(async () => {
    requireBuiltWebApp();
    parley = await startStandaloneParley('templates-browser');
    f = parley.f;
    browser = await launchChromium();
    const hello = sampleTextUpdate({
      updateId: 1,
      messageId: 1,
      chatId: CLIENT,
      firstName: 'Lucia',
      text: 'Hola! What does the course cost?',
    });
    expect((await parley.webhook.post(hello)).status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
  });

  const sentTo = (): BotApiCall[] =>
    f.standIn.callsOf('sendMessage').filter((c) => String(c.params['chat_id']) === String(CLIENT));

  it('Given an admin, When they set a variable and write a template, Then the preview shows it for a client and unknown variables are named', async () => {
    const admin = await signInInBrowser(browser, parley.baseUrl, f.admin);
    await admin.goto(`${parley.baseUrl}/#/admin/templates`);
    const screen = admin.getByTestId('admin-templates');
    await screen.waitFor();

    await admin.getByTestId('variable-name').fill('offer');
    await admin.getByTestId('variable-value').fill('20% off until Friday');
    await admin.getByTestId('variable-save').click();
    await admin
      .locator('[data-testid="variable-row"][data-name="offer"]')
      .filter({ hasText: '20% off until Friday' })
      .waitFor({ timeout: 20_000 });

    await admin.getByTestId('template-name').fill('Price');
    await admin.getByTestId('template-shortcode').fill('price');
    await admin
      .getByTestId('template-text')
      .fill('Hi {user_name}! The course is 300 EUR, {promo}.');
    // The preview names what is no variable ...
    await waitUntil('the unknown variable is named', async () =>
      /promo/.test(
        await admin
          .getByTestId('template-unknown-variables')
          .innerText()
          .catch(() => ''),
      )
        ? true
        : undefined,
    );
    // ... and renders the fixed draft for the client chosen.
    await admin
      .getByTestId('template-text')
      .fill('Hi {user_name}! The course is 300 EUR, {offer}.');
    await waitUntil('the preview renders for Lucia', async () =>
      (await admin.getByTestId('template-preview').innerText()) ===
      'Hi Lucia! The course is 300 EUR, 20% off until Friday.'
        ? true
        : undefined,
    );
    await admin.getByTestId('template-save').click();
    await admin
      .locator('[data-testid="template-row"][data-shortcode="price"]')
      .waitFor({ timeout: 20_000 });
    await admin.context().close();
  });

  it('Given the template, When a manager types / and picks it, Then it is rendered for the client, editable, and sent as edited', async () => {
    const page: Page = await signInInBrowser(browser, parley.baseUrl, f.manager);
    const item = page.locator(
      `[data-testid="chat-item"][data-conversation-id="${f.conversationId(CLIENT)}"]`,
    );
    await item.waitFor({ timeout: 30_000 });
    await item.click();

    const input = page.getByTestId('reply-input');
    await input.fill('/pri');
    const choice = page.locator('[data-testid="quick-command"][data-shortcode="price"]');
    await choice.waitFor({ timeout: 20_000 });
    await input.press('Enter');
    // Chosen, not sent: the draft holds the text rendered for Lucia.
    await waitUntil('the template in the draft', async () =>
      (await input.inputValue()) === 'Hi Lucia! The course is 300 EUR, 20% off until Friday.'
        ? true
        : undefined,
    );
    expect(sentTo()).toHaveLength(0);

    await input.fill(`${await input.inputValue()} See you!`);
    await page.getByTestId('reply-send').click();
    const [sent] = await waitUntil('the message at the Bot API', async () => {
      const calls = sentTo();
      return calls.length > 0 ? calls : undefined;
    });
    expect(sent!.params['text']).toBe(
      'Hi Lucia! The course is 300 EUR, 20% off until Friday. See you!',
    );
  });
});
