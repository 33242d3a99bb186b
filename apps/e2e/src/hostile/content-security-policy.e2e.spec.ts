import { sampleTextUpdate } from '@parley/channel-telegram/testing';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../journey/browser';
import { startParleyUnderTest, type ParleyUnderTest } from './parley-under-test';

// The security headers' content security policy, tried by a real browser: the built web app
// loads, signs in, shows the chat list and hears live changes over its WebSocket, and the
// browser reports no violation of the policy.

describe('the web app under the content security policy (npm start, Chromium)', () => {
  let parley: ParleyUnderTest;
  let browser: Browser;

  beforeAll(async () => {
    parley = await startParleyUnderTest();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
  });

  it('Given the policy on every response, When a manager signs in and a client writes, Then the app works and nothing is refused', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    // Runs in the page (a string: this project compiles without the DOM's types).
    await page.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (e) =>
        window.reportViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
          ' (' + e.sourceFile + ':' + e.lineNumber + ')'));`,
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });

    const response = await page.goto(parley.baseUrl);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByTestId('signin-email').fill(parley.fixture.manager.email);
    await page.getByTestId('signin-password').fill(parley.fixture.manager.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('chat-list').waitFor();
    await page
      .locator(`[data-testid="chat-item"][data-conversation-id="${parley.conversationId}"]`)
      .waitFor();

    // A client who writes now appears without a reload: the live socket got through the policy.
    const chatId = 700777;
    const res = await parley.webhook.post(
      sampleTextUpdate({ updateId: 77, chatId, firstName: 'Live', text: 'Anyone there?' }),
    );
    expect(res.status).toBe(200);
    await page
      .locator(
        `[data-testid="chat-item"][data-conversation-id="${parley.fixture.conversationId(chatId)}"]`,
      )
      .waitFor({ timeout: 20_000 });

    expect(violations).toEqual([]);
  });
});
