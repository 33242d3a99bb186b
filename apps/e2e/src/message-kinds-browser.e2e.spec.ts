import type { Browser, Page } from 'playwright-core';
import {
  sampleEditedTextUpdate,
  sampleMessageUpdate,
  sampleMyChatMemberUpdate,
  samplePhotoUpdate,
  sampleTextUpdate,
} from '@parley/channel-telegram/testing';
import { waitUntil } from '@parley/test-infra';
import { launchChromium } from './journey/browser';
import type { JourneyFixture } from './journey/journey-fixture';
import {
  requireBuiltWebApp,
  signInInBrowser,
  startStandaloneParley,
  type StandaloneParley,
} from './journey/standalone-parley';
import type { TelegramWebhookClient } from './journey/telegram-webhook-client';

// Issue 9, inbound, in a real browser against `npm start`: an edit shows as edited with its
// earlier version, a voice message as a media tile, and a client who blocked the bot disables
// the reply bar with the reason.

describe('every kind of client message in the browser (npm start, Chromium)', () => {
  let parley: StandaloneParley;
  let f: JourneyFixture;
  let browser: Browser;
  let webhook: TelegramWebhookClient;
  const CLIENT = 720001;

  beforeAll(async () => {
    requireBuiltWebApp();
    parley = await startStandaloneParley('message-kinds-browser');
    ({ f, webhook } = parley);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
  });

  const openChat = async (page: Page, conversationId: string): Promise<void> => {
    const item = page.locator(
      `[data-testid="chat-item"][data-conversation-id="${conversationId}"]`,
    );
    await item.waitFor({ timeout: 30_000 });
    await item.click();
  };

  it('Given a client who edits a message, sends a voice message and blocks the bot, Then the timeline and reply bar show each', async () => {
    const conversationId = f.conversationId(CLIENT);
    const who = { chatId: CLIENT, firstName: 'Olga' };
    for (const update of [
      sampleTextUpdate({ updateId: 1, messageId: 1, ...who, text: 'Helo' }),
      sampleEditedTextUpdate({ updateId: 2, messageId: 1, ...who, text: 'Hello' }),
      sampleMessageUpdate({ updateId: 3, messageId: 2, ...who, kind: 'voice' }),
    ]) {
      expect((await webhook.post(update)).status).toBe(200);
    }
    const page = await signInInBrowser(browser, parley.baseUrl, f.manager);
    await openChat(page, conversationId);
    const timeline = page.getByTestId('timeline');

    // The edited message shows its last version, marked edited; the earlier one on demand.
    const edited = timeline.locator('[data-testid="timeline-item"][data-edited="true"]');
    await edited.waitFor({ timeout: 30_000 });
    expect(await edited.locator('.bubble__text').first().innerText()).toBe('Hello');
    await edited.getByTestId('toggle-versions').click();
    expect(await edited.getByTestId('earlier-versions').innerText()).toContain('Helo');

    // The voice message is a tile with its kind and duration (a player once it is fetched).
    const tile = timeline.locator('[data-testid="message-media"][data-kind="voice"]');
    await tile.waitFor({ timeout: 30_000 });
    expect(await tile.innerText()).toMatch(/Voice message[\s\S]*0:12/);

    // When the client blocks the bot, the reply bar says so and cannot send.
    expect(
      (await webhook.post(sampleMyChatMemberUpdate({ updateId: 4, ...who, status: 'kicked' })))
        .status,
    ).toBe(200);
    await page.getByTestId('reply-blocked').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('reply-blocked').innerText()).toContain(
      'The client blocked the bot',
    );
    expect(await page.getByTestId('reply-input').isDisabled()).toBe(true);
    await page.getByTestId('blocked-banner').waitFor();
  });

  it('Given a client who sends a photo, Then the timeline shows the picture from the media store, and the Media tab lists it', async () => {
    const chat = 720002;
    const conversationId = f.conversationId(chat);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const fileId = 'AgACAgIAAxkBAAIBbrowser';
    f.standIn.serveFile(fileId, { bytes: png });
    const sample = samplePhotoUpdate({ updateId: 10, chatId: chat, messageId: 1, caption: 'scan' });
    const photo = {
      ...sample,
      message: {
        ...(sample['message'] as Record<string, unknown>),
        photo: [{ file_id: fileId, file_unique_id: 'AQADbrowser', width: 1, height: 1 }],
      },
    };
    expect((await webhook.post(photo)).status).toBe(200);

    const page = await signInInBrowser(browser, parley.baseUrl, f.manager);
    await openChat(page, conversationId);
    const shown = page
      .getByTestId('timeline')
      .locator('[data-testid="message-media"][data-kind="photo"][data-media-status="fetched"] img');
    await shown.waitFor({ timeout: 30_000 });
    // Loaded from its signed URL: the browser decoded the 1×1 PNG.
    await waitUntil('the photo decoded', async () =>
      (await shown.evaluate((img) => (img as { naturalWidth: number }).naturalWidth)) === 1
        ? true
        : undefined,
    );

    await page.getByTestId('view-media').click();
    const tile = page.getByTestId('media-tab').locator('[data-testid="media-tile"] img');
    await tile.waitFor({ timeout: 10_000 });
    await page.getByTestId('view-timeline').click();
    await page.getByTestId('reply-input').waitFor();
  });
});
