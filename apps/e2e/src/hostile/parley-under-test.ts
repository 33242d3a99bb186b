import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleStartUpdate, sampleTextUpdate } from '@parley/channel-telegram/testing';
import type { Page, TimelineItem } from '@parley/contracts';
import { freePort, startServiceProcess, waitUntil, type ServiceProcess } from '@parley/test-infra';
import { createJourneyFixture, type JourneyFixture } from '../journey/journey-fixture';
import { TelegramWebhookClient } from '../journey/telegram-webhook-client';

/** The Telegram chat of the one client every hostile run starts with. */
export const CLIENT_CHAT_ID = 700001;

/** `npm start` as a user runs it, with a bot on a stand-in Bot API and one client who wrote. */
export interface ParleyUnderTest {
  readonly baseUrl: string;
  readonly fixture: JourneyFixture;
  readonly webhook: TelegramWebhookClient;
  /** The client's conversation, in the chat list before any hostile request. */
  readonly conversationId: string;
  /** A manager's access token, signed in before any hostile request. */
  readonly accessToken: string;
  /** A manager's refresh cookie (`name=value`) from that sign-in. */
  readonly refreshCookie: string;
  /** Everything the process printed. */
  output(): string;
  /** Whether the process is running and GET /health/live answers 200. */
  alive(): Promise<boolean>;
  /** The conversation's timeline, every page. */
  timeline(): Promise<TimelineItem[]>;
  /** A fresh one-time WebSocket ticket of the manager (valid 30 s). */
  liveTicket(): Promise<string>;
  close(): Promise<void>;
}

export const startParleyUnderTest = async (): Promise<ParleyUnderTest> => {
  const fixture = await createJourneyFixture();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-hostile-'));
  const port = await freePort();
  const proc: ServiceProcess = startServiceProcess('apps/standalone/src/main.ts', {
    ...fixture.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PARLEY_DATA_DIR: dataDir,
  });
  const close = async (): Promise<void> => {
    if (proc.child.exitCode === null) {
      proc.child.kill('SIGTERM');
      await proc.exited;
    }
    await fixture.standIn.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await proc.waitForOutput(/Parley listening on/, 90_000);
    const baseUrl = `http://127.0.0.1:${port}`;
    const webhook = new TelegramWebhookClient(
      `${baseUrl}/channels/telegram/webhook`,
      fixture.webhookSecret,
    );
    const conversationId = fixture.conversationId(CLIENT_CHAT_ID);
    const client = { chatId: CLIENT_CHAT_ID, firstName: 'Anna', username: 'anna_p' };
    for (const update of [
      sampleStartUpdate({ updateId: 1, ...client, payload: 'facebook-winter26-ad12-set3' }),
      sampleTextUpdate({ updateId: 2, ...client, text: 'Hello, how much is it?' }),
    ]) {
      const res = await webhook.post(update);
      if (res.status !== 200) throw new Error(`webhook: ${res.status} ${await res.text()}`);
    }
    const signIn = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fixture.manager),
    });
    if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const refreshCookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const authorization = { authorization: `Bearer ${accessToken}` };

    const timeline = async (): Promise<TimelineItem[]> => {
      const items: TimelineItem[] = [];
      let before: string | null = null;
      do {
        const query: string = before === null ? 'limit=200' : `limit=200&before=${before}`;
        const res = await fetch(
          `${baseUrl}/api/chats/${encodeURIComponent(conversationId)}/timeline?${query}`,
          { headers: authorization },
        );
        if (res.status !== 200) throw new Error(`timeline: ${res.status} ${await res.text()}`);
        const page = (await res.json()) as Page<TimelineItem>;
        items.unshift(...page.items);
        before = page.nextCursor;
      } while (before !== null);
      return items;
    };
    await waitUntil('the client in the chat list', async () =>
      (await timeline().catch(() => [])).length >= 1 ? true : undefined,
    );

    return {
      baseUrl,
      fixture,
      webhook,
      conversationId,
      accessToken,
      refreshCookie,
      output: () => proc.output(),
      alive: async () => {
        if (proc.child.exitCode !== null || proc.child.signalCode !== null) return false;
        const res = await fetch(`${baseUrl}/health/live`).catch(() => null);
        return res?.status === 200;
      },
      timeline,
      liveTicket: async () => {
        const res = await fetch(`${baseUrl}/api/live/ticket`, {
          method: 'POST',
          headers: authorization,
        });
        if (res.status !== 200) throw new Error(`live ticket: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { ticket: string }).ticket;
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
};

/** How many replies from managers the timeline holds. */
export const repliesIn = (items: readonly TimelineItem[]): number =>
  items.filter((i) => i.item.kind === 'message' && i.item.direction === 'out').length;
