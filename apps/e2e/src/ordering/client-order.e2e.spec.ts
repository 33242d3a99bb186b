import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleTextUpdate } from '@parley/channel-telegram/testing';
import type { Page, TimelineItem } from '@parley/contracts';
import {
  createTestDatabase,
  freePort,
  startServiceProcess,
  testKafkaBrokers,
  waitUntil,
} from '@parley/test-infra';
import { createJourneyFixture, type JourneyFixture } from '../journey/journey-fixture';
import { ParleyApiClient } from '../journey/parley-api-client';
import { TelegramWebhookClient } from '../journey/telegram-webhook-client';

// C7 through real processes, on `npm start` and on `npm run start:services`: a conversation
// shows the client's messages in the order the client wrote them (Telegram's message_id within
// the chat), whatever order the webhook receives them in, redeliveries included.

/** Unix seconds a few minutes ago: message n of a chat is sent at SENT_FROM + n, as Telegram does. */
const SENT_FROM = Math.floor(Date.now() / 1000) - 600;

/** Telegram's update for message `n` of chat `chatId` (update ids are unique per bot). */
const messageUpdate = (chatId: number, n: number, updateId = chatId * 1000 + n) =>
  sampleTextUpdate({
    updateId,
    chatId,
    messageId: n,
    date: SENT_FROM + n,
    firstName: `Client ${chatId}`,
    text: `chat ${chatId} message ${n}`,
  });

const shuffled = <T>(items: readonly T[], seed: number): T[] => {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

/** Run `task` over `items` with at most `concurrency` at a time. */
const inParallel = async <T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
};

/** A running Parley: its gateway and its Telegram webhook. */
interface RunningParley {
  readonly baseUrl: string;
  readonly webhookUrl: string;
  stop(): Promise<void>;
}

/** `npm start`: one process, PGlite, in-process bus, in-memory read models. */
const startStandalone = async (f: JourneyFixture): Promise<RunningParley> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-order-'));
  const port = await freePort();
  const proc = startServiceProcess('apps/standalone/src/main.ts', {
    ...f.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PARLEY_DATA_DIR: dataDir,
  });
  await proc.waitForOutput(/Parley listening on/, 90_000);
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    webhookUrl: `${baseUrl}/channels/telegram/webhook`,
    stop: async () => {
      proc.child.kill('SIGTERM');
      await proc.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/**
 * `npm run start:services`: one OS process per service, PostgreSQL event store, Kafka (3
 * partitions per topic), the projector its own process on FerretDB when MONGO_URL is set.
 */
const startServices = async (f: JourneyFixture): Promise<RunningParley> => {
  const db = await createTestDatabase('order');
  const gatewayPort = await freePort();
  const telegramPort = await freePort();
  const services = startServiceProcess('tools/start-services/main.ts', {
    ...f.env,
    EVENT_STORE_URL: db.url,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    PORT: String(gatewayPort),
    TELEGRAM_PORT: String(telegramPort),
    READ_STORE_URL: process.env['MONGO_URL'] ?? '',
    READ_STORE_DB: f.workspaceId.replace(/-/g, '_'),
  });
  await services.waitForOutput(/parley: all services up/, 180_000);
  return {
    baseUrl: `http://127.0.0.1:${gatewayPort}`,
    webhookUrl: `http://127.0.0.1:${telegramPort}/channels/telegram/webhook`,
    stop: async () => {
      services.child.kill('SIGTERM');
      await services.exited;
      await db.drop();
    },
  };
};

const describeClientOrder = (
  mode: string,
  start: (f: JourneyFixture) => Promise<RunningParley>,
): void =>
  describe(`client messages in the order the client wrote them (C7), on ${mode}`, () => {
    let f: JourneyFixture;
    let parley: RunningParley;
    let webhook: TelegramWebhookClient;
    let manager: ParleyApiClient;

    beforeAll(async () => {
      f = await createJourneyFixture();
      parley = await start(f);
      webhook = new TelegramWebhookClient(parley.webhookUrl, f.webhookSecret);
      manager = new ParleyApiClient(parley.baseUrl);
      await manager.signIn(f.manager.email, f.manager.password);
    }, 200_000);

    afterAll(async () => {
      await parley?.stop();
      await f?.standIn.close();
    });

    const post = async (update: unknown): Promise<void> => {
      const res = await webhook.post(update);
      if (res.status !== 200) throw new Error(`webhook: ${res.status} ${await res.text()}`);
    };

    /** The whole timeline over the API, page by page upward, oldest first. */
    const wholeTimeline = async (conversationId: string): Promise<TimelineItem[]> => {
      const items: TimelineItem[] = [];
      let before: string | null = null;
      do {
        const query: string = before === null ? 'limit=200' : `limit=200&before=${before}`;
        const page: Page<TimelineItem> = await manager.json(
          `/api/chats/${encodeURIComponent(conversationId)}/timeline?${query}`,
        );
        items.unshift(...page.items);
        before = page.nextCursor;
      } while (before !== null);
      return items;
    };
    const clientTexts = (items: readonly TimelineItem[]): string[] =>
      items.flatMap((i) =>
        i.item.kind === 'message' && i.item.direction === 'in' && i.item.content.kind === 'text'
          ? [i.item.content.text]
          : [],
      );
    const messageTexts = (items: readonly TimelineItem[]): string[] =>
      items.flatMap((i) =>
        i.item.kind === 'message' && i.item.content.kind === 'text' ? [i.item.content.text] : [],
      );
    const waitForClientMessages = (conversationId: string, count: number, timeoutMs = 60_000) =>
      waitUntil(
        `${count} client messages in ${conversationId}`,
        async () => {
          const items = await wholeTimeline(conversationId).catch(() => []);
          return clientTexts(items).length >= count ? items : undefined;
        },
        timeoutMs,
        100,
      );

    it('given updates posted out of order and one twice, then the timeline and the chat list read in message_id order, each message once', async () => {
      const chatId = 810001;
      const conversationId = f.conversationId(chatId);
      const written = [1, 2, 3, 4, 5].map((n) => `chat ${chatId} message ${n}`);

      // Given message 1, then 4 (2 and 3 delayed on the way), and 4 again (Telegram's retry),
      await post(messageUpdate(chatId, 1));
      await waitForClientMessages(conversationId, 1);
      await post(messageUpdate(chatId, 4));
      await post(messageUpdate(chatId, 4));
      await waitForClientMessages(conversationId, 2);
      // when a manager replies after reading message 4,
      const reply = await manager.request(
        'POST',
        `/api/chats/${encodeURIComponent(conversationId)}/messages`,
        { text: 'Thanks, reading' },
      );
      expect(reply.status).toBe(202);
      await waitUntil('the reply in the timeline', async () =>
        messageTexts(await wholeTimeline(conversationId)).includes('Thanks, reading')
          ? true
          : undefined,
      );
      // and then 3, 2 and 5 arrive, 3 twice,
      for (const n of [3, 2, 3, 5]) await post(messageUpdate(chatId, n));
      const timeline = await waitForClientMessages(conversationId, 5);

      // then the client's messages read 1..5, each once, the reply after message 4 it answered,
      expect(clientTexts(timeline)).toEqual(written);
      expect(messageTexts(timeline)).toEqual([
        ...written.slice(0, 4),
        'Thanks, reading',
        written[4],
      ]);
      // the first page (what the web app loads on a change notification) is in the same order,
      const page = await manager.timeline(conversationId);
      expect(page.items.map((i) => i._id)).toEqual(timeline.map((i) => i._id));
      // and the chat's last message is message 5, the newest the client wrote, unread 5.
      const chat = await manager.waitForChat(
        (c) => c._id === conversationId && c.unreadCount === 5,
        'the chat with five unread',
      );
      expect(chat.lastMessage).toMatchObject({ direction: 'in', preview: written[4] });
    });

    it('given 300 messages over 30 chats posted shuffled and concurrently, 30 of them twice, then every message is in its conversation once, in message_id order', async () => {
      const chats = Array.from({ length: 30 }, (_, i) => 820001 + i);
      const perChat = 10;
      const updates = chats.flatMap((chatId) =>
        Array.from({ length: perChat }, (_, i) => messageUpdate(chatId, i + 1)),
      );
      const redelivered = shuffled(updates, 7).slice(0, 30);
      const posted = Date.now();
      await inParallel(shuffled([...updates, ...redelivered], 42), 24, post);
      process.stderr.write(
        `client order: ${updates.length + redelivered.length} updates posted in ${Date.now() - posted} ms\n`,
      );

      const outOfOrder: string[] = [];
      for (const chatId of chats) {
        const conversationId = f.conversationId(chatId);
        const timeline = await waitForClientMessages(conversationId, perChat, 120_000);
        const expected = Array.from(
          { length: perChat },
          (_, i) => `chat ${chatId} message ${i + 1}`,
        );
        if (JSON.stringify(clientTexts(timeline)) !== JSON.stringify(expected)) {
          outOfOrder.push(`${chatId}: ${clientTexts(timeline).join(' | ')}`);
        }
      }
      expect(outOfOrder).toEqual([]);

      const list =
        await manager.json<Page<{ _id: string; lastMessage: { preview: string } | null }>>(
          '/api/chats?limit=200',
        );
      for (const chatId of chats) {
        const chat = list.items.find((c) => c._id === f.conversationId(chatId));
        expect({ chatId, preview: chat?.lastMessage?.preview }).toEqual({
          chatId,
          preview: `chat ${chatId} message ${perChat}`,
        });
      }
    });
  });

describeClientOrder('the standalone (npm start)', startStandalone);
describeClientOrder(
  'separate processes, Kafka and FerretDB (npm run start:services)',
  startServices,
);
