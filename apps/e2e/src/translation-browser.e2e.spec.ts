import type { Browser } from 'playwright-core';
import { sampleTextUpdate } from '@parley/channel-telegram/testing';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, waitUntil } from '@parley/test-infra';
import { LibreTranslateStandIn } from '@parley/translation-service/testing';
import { launchChromium } from './journey/browser';
import type { JourneyFixture } from './journey/journey-fixture';
import {
  requireBuiltWebApp,
  signInInBrowser,
  startStandaloneParley,
  type StandaloneParley,
} from './journey/standalone-parley';

// Issue 12 (C2, B4, B5, B7) in a real browser against `npm start -- --demo`, its translation
// provider a LibreTranslate stand-in (a local HTTP server the real client talks to; it
// "translates" `text` into `xx` as `[xx] text` and detects Spanish by its letters) and its AI
// the labelled demo assistant. An admin turns translation on in Admin → Translation; a client
// writes in Spanish; the manager reads the translation and the original one click away, sends a
// reply through the outgoing preview, drafts a reply with AI reply (never sent by itself) and
// asks for a summary that lands on the timeline marked Demo.

const SCREENSHOT = path.join(REPO_ROOT, 'docs/screenshots/translated-conversation.png');

describe('translation and the AI assistant in the browser (npm start, Chromium)', () => {
  let libre: LibreTranslateStandIn;
  let parley: StandaloneParley;
  let f: JourneyFixture;
  let browser: Browser;
  const CLIENT = 760001;
  const SPANISH = '¡Hola! ¿Cuánto cuesta el curso?';

  beforeAll(async () => {
    requireBuiltWebApp();
    libre = await LibreTranslateStandIn.start(null);
    parley = await startStandaloneParley('translation-browser', { LIBRETRANSLATE_URL: libre.url }, [
      '--demo',
    ]);
    f = parley.f;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
    await libre?.close();
  });

  it('Given LibreTranslate turned on by an admin, When a client writes in Spanish, Then the manager reads it translated with the original a click away, replies through the preview, drafts with AI reply and gets a Demo summary', async () => {
    // An admin turns translation on: LibreTranslate, the team reads English.
    const admin = await signInInBrowser(browser, parley.baseUrl, f.admin);
    await admin.goto(`${parley.baseUrl}/#/admin/translation`);
    await admin.getByTestId('admin-translation').waitFor();
    await admin.getByTestId('admin-translation-provider-libretranslate').check();
    await admin.getByTestId('admin-translation-team-language').selectOption('en');
    await admin.getByTestId('admin-translation-save').click();
    await admin.getByTestId('admin-translation-saved').waitFor({ timeout: 20_000 });
    // The settings are a read model: projected a moment after the 202.
    await waitUntil('the provider in the settings', async () => {
      await admin.reload();
      const current = admin.getByTestId('admin-translation-current');
      await current.waitFor();
      return (await current.getAttribute('data-provider')) === 'libretranslate' ? true : undefined;
    });

    // A client writes in Spanish.
    const update = sampleTextUpdate({
      updateId: 1,
      messageId: 1,
      chatId: CLIENT,
      firstName: 'Lucía',
      text: SPANISH,
    });
    expect((await parley.webhook.post(update)).status).toBe(200);

    const manager = await signInInBrowser(browser, parley.baseUrl, f.manager);
    const chat = manager.locator(
      `[data-testid="chat-item"][data-conversation-id="${f.conversationId(CLIENT)}"]`,
    );
    await chat.waitFor({ timeout: 30_000 });
    await chat.click();

    // C2: the translation first, with the detected language; the original one click away.
    const incoming = manager.locator(
      '[data-testid="timeline-item"][data-direction="in"][data-translation="translated"]',
    );
    await incoming.waitFor({ timeout: 30_000 });
    expect(await incoming.locator('.bubble__text').innerText()).toBe(`[en] ${SPANISH}`);
    expect(await incoming.getByTestId('message-language').getAttribute('data-language')).toBe('es');
    await incoming.getByTestId('toggle-translation').click();
    expect(await incoming.locator('.bubble__text').innerText()).toBe(SPANISH);
    expect(await incoming.getByTestId('toggle-translation').innerText()).toBe('Show translation');
    // The card shows the detected language.
    await waitUntil('the detected language on the card', async () =>
      (await manager.getByTestId('card-language-detected').getAttribute('data-language')) === 'es'
        ? true
        : undefined,
    );

    // B4: the draft's translation under it, editable; Send sends it, the timeline keeps both.
    const sentTexts = () =>
      f.standIn
        .callsOf('sendMessage')
        .filter((call) => String(call.params['chat_id']) === String(CLIENT))
        .map((call) => call.params['text']);
    const input = manager.getByTestId('reply-input');
    await input.fill('The course costs 100 euros.');
    await manager.getByTestId('reply-translate').click();
    const preview = manager.getByTestId('translation-preview');
    await preview.waitFor({ timeout: 20_000 });
    expect(await preview.getAttribute('data-language')).toBe('es');
    const previewInput = manager.getByTestId('translation-preview-input');
    expect(await previewInput.inputValue()).toBe('[es] The course costs 100 euros.');
    await previewInput.fill('[es] The course costs 100 euros. ¡Saludos!');
    await manager.getByTestId('reply-send').click();
    await waitUntil('the translated reply at the Bot API', async () =>
      sentTexts().includes('[es] The course costs 100 euros. ¡Saludos!') ? true : undefined,
    );
    expect(sentTexts()).not.toContain('The course costs 100 euros.');
    const outgoing = manager.locator(
      '[data-testid="timeline-item"][data-direction="out"][data-translation="sent-translated"]',
    );
    await outgoing.waitFor({ timeout: 30_000 });
    expect(await outgoing.locator('.bubble__text').innerText()).toBe(
      '[es] The course costs 100 euros. ¡Saludos!',
    );
    await outgoing.getByTestId('toggle-translation').click();
    expect(await outgoing.locator('.bubble__text').innerText()).toBe('The course costs 100 euros.');
    expect(await preview.count()).toBe(0);

    // B5: AI reply puts a draft in the input, labelled Demo, and sends nothing.
    const sentBefore = sentTexts().length;
    await manager.getByTestId('reply-advice').click();
    await manager.getByTestId('reply-advice-demo').waitFor({ timeout: 30_000 });
    expect(await input.inputValue()).toMatch(/^\[demo\] /);
    expect(sentTexts()).toHaveLength(sentBefore);

    // B7: Summarise; the summary arrives on the timeline with its next step, marked Demo.
    await manager.getByTestId('reply-score').click();
    const scoring = manager.getByTestId('scoring-card');
    await scoring.waitFor({ timeout: 30_000 });
    expect(await scoring.getAttribute('data-demo')).toBe('true');
    expect(await scoring.getByTestId('scoring-summary').innerText()).toMatch(/^\[demo\] /);
    expect(await scoring.getByTestId('scoring-next-step').innerText()).toMatch(/^Next step: /);
    expect(await scoring.innerText()).toMatch(/AI summary/);
    expect(sentTexts()).toHaveLength(sentBefore);
  });

  it('Given a conversation in Spanish, Then the manager reads and answers it in English (the screenshot in README)', async () => {
    const MARTA = 760002;
    const phrases: [string, string, string][] = [
      [
        'en',
        'Buenas tardes. ¿El curso incluye un certificado al final?',
        'Good afternoon. Does the course include a certificate at the end?',
      ],
      [
        'es',
        'Yes: you get a certificate after the final exam.',
        'Sí: recibirá un certificado después del examen final.',
      ],
      [
        'en',
        '¡Perfecto! ¿Cuándo empieza el próximo grupo?',
        'Perfect! When does the next group start?',
      ],
    ];
    for (const [target, text, translation] of phrases) libre.learn(target, text, translation);
    const write = async (updateId: number, text: string) => {
      const update = sampleTextUpdate({
        updateId,
        messageId: updateId,
        chatId: MARTA,
        firstName: 'Marta',
        text,
        date: Math.floor(Date.now() / 1000),
      });
      expect((await parley.webhook.post(update)).status).toBe(200);
    };

    await write(11, phrases[0]![1]);
    const manager = await signInInBrowser(browser, parley.baseUrl, f.manager);
    await manager.setViewportSize({ width: 1400, height: 900 });
    const chat = manager.locator(
      `[data-testid="chat-item"][data-conversation-id="${f.conversationId(MARTA)}"]`,
    );
    await chat.waitFor({ timeout: 30_000 });
    await chat.click();
    const translated = manager.locator(
      '[data-testid="timeline-item"][data-direction="in"][data-translation="translated"]',
    );
    await translated.first().waitFor({ timeout: 30_000 });
    expect(await translated.first().locator('.bubble__text').innerText()).toBe(phrases[0]![2]);

    await manager.getByTestId('reply-input').fill(phrases[1]![1]);
    await manager.getByTestId('reply-translate').click();
    const previewInput = manager.getByTestId('translation-preview-input');
    await previewInput.waitFor({ timeout: 20_000 });
    expect(await previewInput.inputValue()).toBe(phrases[1]![2]);
    await manager.getByTestId('reply-send').click();
    await manager
      .locator(
        '[data-testid="timeline-item"][data-direction="out"][data-translation="sent-translated"]',
      )
      .waitFor({ timeout: 30_000 });

    await write(12, phrases[2]![1]);
    await waitUntil('both client messages translated', async () =>
      (await translated.count()) === 2 ? true : undefined,
    );
    expect(await translated.nth(1).locator('.bubble__text').innerText()).toBe(phrases[2]![2]);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await manager.screenshot({ path: SCREENSHOT });
  });
});
