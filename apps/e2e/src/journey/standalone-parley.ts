import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { freePort, REPO_ROOT, startServiceProcess, type ServiceProcess } from '@parley/test-infra';
import { createJourneyFixture, type JourneyFixture } from './journey-fixture';
import { TelegramWebhookClient } from './telegram-webhook-client';

/** `npm start`'s one process under test, with its Telegram stand-in and fresh data directory. */
export interface StandaloneParley {
  /** The journey fixture: users, the Bot API stand-in, ids of conversations. */
  readonly f: JourneyFixture;
  readonly baseUrl: string;
  readonly webhook: TelegramWebhookClient;
  readonly proc: ServiceProcess;
  /** Stops the process and the stand-in, and removes the data directory. */
  close(): Promise<void>;
}

/**
 * Starts apps/standalone (what `npm start` runs) on a free port with the journey fixture's
 * environment and `env` on top, in a data directory of its own named after `name`, with `args`
 * (`--demo`); resolves once it listens.
 */
export const startStandaloneParley = async (
  name: string,
  env: Readonly<Record<string, string>> = {},
  args: readonly string[] = [],
): Promise<StandaloneParley> => {
  const f = await createJourneyFixture();
  const dataDir = mkdtempSync(path.join(tmpdir(), `parley-${name}-`));
  const port = await freePort();
  const proc = startServiceProcess(
    'apps/standalone/src/main.ts',
    {
      ...f.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PARLEY_DATA_DIR: dataDir,
      ...env,
    },
    args,
  );
  const close = async () => {
    proc.child.kill('SIGTERM');
    await proc.exited;
    await f.standIn.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await proc.waitForOutput(/Parley listening on/, 90_000);
  } catch (e) {
    await close();
    throw e;
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const webhook = new TelegramWebhookClient(
    `${baseUrl}/channels/telegram/webhook`,
    f.webhookSecret,
  );
  return { f, baseUrl, webhook, proc, close };
};

/** Browser tests need the built web app; say how to build it rather than fail obscurely. */
export const requireBuiltWebApp = (): void => {
  if (!existsSync(path.join(REPO_ROOT, 'dist/apps/web/index.html'))) {
    throw new Error('the web app is not built: run `npm run build:web` (npm test does)');
  }
};

/** Signs `who` in through the web app's form in a new browser context; resolves on the chat list. */
export const signInInBrowser = async (
  browser: Browser,
  baseUrl: string,
  who: { readonly email: string; readonly password: string },
  context: BrowserContextOptions = {},
): Promise<Page> => {
  const page = await (
    await browser.newContext({ viewport: { width: 1400, height: 900 }, ...context })
  ).newPage();
  await page.goto(baseUrl);
  await page.getByTestId('signin-email').fill(who.email);
  await page.getByTestId('signin-password').fill(who.password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('chat-list').waitFor();
  return page;
};
