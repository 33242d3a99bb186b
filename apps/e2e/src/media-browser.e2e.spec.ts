import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  sampleMessageUpdate,
  samplePhotoUpdate,
  sampleTextUpdate,
  type BotApiCall,
} from '@parley/channel-telegram/testing';
import { opusRecording } from '@parley/media-store/testing';
import { REPO_ROOT, waitUntil } from '@parley/test-infra';
import { launchChromium } from './journey/browser';
import type { JourneyFixture } from './journey/journey-fixture';
import {
  requireBuiltWebApp,
  signInInBrowser,
  startStandaloneParley,
  type StandaloneParley,
} from './journey/standalone-parley';
import type { TelegramWebhookClient } from './journey/telegram-webhook-client';

// Issue 9, media both ways, in a real browser against `npm start`: a client's photo shows and
// opens, their voice message plays; the manager attaches a document (the progress bar shows while
// it uploads) and records a voice message, and each reaches the Bot API stand-in as a multipart
// upload of the right kind: the document as it was, the voice message as OGG/Opus.

const SCREENSHOT = path.join(REPO_ROOT, 'docs/screenshots/conversation-with-media.png');

/** A 480×300 PNG the browser draws: a client's photo of a sofa, more or less. */
const drawPicture = async (page: Page): Promise<Buffer> => {
  const art = await page.context().newPage();
  await art.setViewportSize({ width: 480, height: 300 });
  await art.setContent(`
    <body style="margin:0">
      <div style="width:480px;height:300px;background:linear-gradient(160deg,#f4e9d8,#c9b79c);position:relative;font-family:sans-serif">
        <div style="position:absolute;left:70px;top:120px;width:340px;height:90px;background:#3f6e8c;border-radius:24px"></div>
        <div style="position:absolute;left:50px;top:95px;width:60px;height:120px;background:#345d77;border-radius:20px"></div>
        <div style="position:absolute;left:370px;top:95px;width:60px;height:120px;background:#345d77;border-radius:20px"></div>
        <div style="position:absolute;left:90px;top:210px;width:12px;height:30px;background:#5b4636"></div>
        <div style="position:absolute;left:378px;top:210px;width:12px;height:30px;background:#5b4636"></div>
        <div style="position:absolute;right:16px;bottom:12px;color:#5b4636;font-size:14px">Nord, 3 seats</div>
      </div>
    </body>`);
  const picture = await art.screenshot({ clip: { x: 0, y: 0, width: 480, height: 300 } });
  await art.close();
  return picture;
};

describe('media both ways in the browser (npm start, Chromium)', () => {
  let parley: StandaloneParley;
  let f: JourneyFixture;
  let browser: Browser;
  let webhook: TelegramWebhookClient;
  let page: Page;
  const CLIENT = 730001;
  const who = { chatId: CLIENT, firstName: 'Marta' };

  beforeAll(async () => {
    requireBuiltWebApp();
    parley = await startStandaloneParley('media-browser');
    ({ f, webhook } = parley);
    browser = await launchChromium({ fakeMicrophone: true });
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
  });

  /** The length the browser reads from an audio file once it can play it. */
  const playableSeconds = (player: Locator): Promise<number> =>
    waitUntil('the audio’s length is known', async () => {
      const duration = await player.evaluate((audio) => {
        const element = audio as { duration: number; readyState: number; load(): void };
        if (element.readyState === 0) element.load();
        return element.duration;
      });
      return Number.isFinite(duration) && duration > 0 ? duration : undefined;
    });

  const sendsTo = (method: string): BotApiCall[] =>
    f.standIn.callsOf(method).filter((c) => String(c.params['chat_id']) === String(CLIENT));

  it('Given a client who sends a photo and a voice message, Then the photo shows and opens, and the voice message plays', async () => {
    page = await signInInBrowser(browser, parley.baseUrl, f.manager);
    // The client's photo: a real picture (drawn by the browser), served by Telegram.
    const picture = await drawPicture(page);
    f.standIn.serveFile('AgACAgIAAxkBAAIBmedia', { bytes: picture });
    const voice = await opusRecording(3, 'ogg');
    f.standIn.serveFile('AwACAgIAAxkBAAIBvoice', { bytes: voice });
    const photoUpdate = samplePhotoUpdate({
      updateId: 1,
      chatId: CLIENT,
      messageId: 2,
      caption: 'This is the one I like',
    });
    const photo = {
      ...photoUpdate,
      message: {
        ...(photoUpdate['message'] as Record<string, unknown>),
        from: { id: CLIENT, is_bot: false, first_name: 'Marta' },
        chat: { id: CLIENT, type: 'private', first_name: 'Marta' },
        photo: [
          {
            file_id: 'AgACAgIAAxkBAAIBmedia',
            file_unique_id: 'AQADmedia',
            width: 480,
            height: 300,
          },
        ],
      },
    };
    for (const update of [
      sampleTextUpdate({
        updateId: 2,
        messageId: 1,
        ...who,
        text: 'Hello! Is this sofa in stock?',
      }),
      photo,
      sampleTextUpdate({ updateId: 4, messageId: 4, ...who, text: 'Can you send the price list?' }),
      sampleMessageUpdate({ updateId: 3, messageId: 3, ...who, kind: 'voice' }),
    ]) {
      expect((await webhook.post(update)).status).toBe(200);
    }

    const item = page.locator(
      `[data-testid="chat-item"][data-conversation-id="${f.conversationId(CLIENT)}"]`,
    );
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    const timeline = page.getByTestId('timeline');

    const shown = timeline.locator(
      '[data-testid="message-media"][data-kind="photo"][data-media-status="fetched"] img',
    );
    await shown.waitFor({ timeout: 30_000 });
    await waitUntil('the photo decoded', async () =>
      (await shown.evaluate((img) => (img as { naturalWidth: number }).naturalWidth)) === 480
        ? true
        : undefined,
    );
    await shown.click();
    const viewer = page.locator('.media-viewer img');
    await viewer.waitFor();
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });

    // The voice message plays: the browser reads its length from the OGG/Opus file.
    const player = timeline.locator(
      '[data-testid="message-media"][data-kind="voice"][data-media-status="fetched"] audio',
    );
    await player.waitFor({ timeout: 30_000 });
    const seconds = await playableSeconds(player);
    expect(seconds).toBeCloseTo(3, 0);
  });

  it('When the manager attaches a document, Then the progress bar shows while it uploads, and the Bot API gets sendDocument with the file and its caption', async () => {
    const document = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(600_000, 'p')]);
    // Slow the upload down (about 2 s) so the progress can be seen.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 300_000,
    });

    await page.getByTestId('attach-input').setInputFiles({
      name: 'Price list 2027.pdf',
      mimeType: 'application/pdf',
      buffer: document,
    });
    const progress = page.getByTestId('upload-progress');
    const midway = await waitUntil('the upload is part way', async () => {
      const value = Number(await progress.getAttribute('value').catch(() => null));
      return value > 0 && value < 100 ? value : undefined;
    });
    expect(midway).toBeGreaterThan(0);
    await page.locator('[data-testid="attachment-chip"][data-state="ready"]').waitFor({
      timeout: 30_000,
    });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.getByTestId('reply-input').fill('Here are our prices');
    await page.getByTestId('reply-send').click();

    const [sent] = await waitUntil('sendDocument at the Bot API', async () => {
      const calls = sendsTo('sendDocument');
      return calls.length > 0 ? calls : undefined;
    });
    expect(sent!.files['document']).toEqual({ fileName: 'Price list 2027.pdf', bytes: document });
    expect(sent!.params['caption']).toBe('Here are our prices');
    await page
      .getByTestId('timeline')
      .locator('[data-testid="message-attachment"][data-kind="document"]')
      .waitFor({ timeout: 30_000 });
  });

  it('When the manager records a voice message and sends it, Then the Bot API gets sendVoice with an OGG/Opus file', async () => {
    await page.getByTestId('record-voice').click();
    await page.locator('[data-testid="record-voice"][data-state="recording"]').waitFor();
    await waitUntil('two seconds recorded', async () =>
      /0:0[2-9]/.test(await page.getByTestId('recording-time').innerText()) ? true : undefined,
    );
    await page.getByTestId('record-voice').click();

    const [sent] = await waitUntil('sendVoice at the Bot API', async () => {
      const calls = sendsTo('sendVoice');
      return calls.length > 0 ? calls : undefined;
    });
    const voice = sent!.files['voice']!;
    expect(voice.bytes.subarray(0, 4).toString('latin1')).toBe('OggS');
    expect(voice.bytes.includes(Buffer.from('OpusHead'))).toBe(true);
    expect(voice.fileName).toMatch(/\.ogg$/);
    const sentVoice = page
      .getByTestId('timeline')
      .locator('[data-testid="message-attachment"][data-kind="voice"] audio');
    await sentVoice.waitFor({ timeout: 30_000 });
    // It plays in the timeline too: about the two seconds recorded.
    expect(await playableSeconds(sentVoice)).toBeGreaterThan(1);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.setViewportSize({ width: 1400, height: 1100 });
    await page.screenshot({ path: SCREENSHOT });
  });
});
