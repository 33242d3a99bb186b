import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { BOT_SLOT_MS } from './bot-send-slots';
import { TelegramSendLimits, type TelegramSendLimitsOptions } from './telegram-send-limits';

// Two limiters on one Redis stand for two replicas of the channel service. Redis is required
// (infra:up starts it); PARLEY_TEST_REDIS_URL points elsewhere.
const REDIS_URL = process.env['PARLEY_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * A grant is timed when `take` resolves, a Redis round trip after the limiter decided; two such
 * round trips may differ by this much on a loaded CI machine, so spacings are checked with it as
 * the only slack (an unlimited limiter grants within a few ms, so it still fails them).
 */
const ROUND_TRIP_SLACK_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`Telegram send limits shared through Redis at ${new URL(REDIS_URL).host}`, () => {
  const prefix = `parley-test-${randomBytes(5).toString('hex')}:`;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await redis.ping();
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  /** Two replicas of one bot's limits; each test has a bot of its own. */
  const replicas = (options: Partial<TelegramSendLimitsOptions> = {}) => {
    const botId = randomBytes(4).toString('hex');
    const make = () =>
      new TelegramSendLimits({
        botId,
        chatIntervalMs: 1000,
        botSendsPerSecond: 30,
        redis,
        keyPrefix: prefix,
        ...options,
      });
    return [make(), make()] as const;
  };

  it('given two replicas asking for one chat at once, then exactly one gets the turn', async () => {
    const [a, b] = replicas();
    const turns = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).take('chat-1')),
    );
    expect(turns.filter((t) => t.granted)).toHaveLength(1);
    // The others wait for the chat, or for the bot slot the chat's contenders filled.
    expect(turns.filter((t) => !t.granted && t.limit === 'held')).toEqual([]);
  });

  it('given two replicas sending to 40 chats in one bot slot, then the slot grants 5 in all', async () => {
    const slotStart = Math.floor(Date.now() / BOT_SLOT_MS) * BOT_SLOT_MS;
    const [a, b] = replicas({ now: () => slotStart });
    const turns = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).take(`chat-${i}`)),
    );
    expect(turns.filter((t) => t.granted)).toHaveLength(5);
    expect(turns.filter((t) => !t.granted && t.limit === 'bot')).toHaveLength(35);
  });

  it('given a retry_after hold set by one replica, then the other honours it for that chat only', async () => {
    const [a, b] = replicas();
    await a.holdChat('held', 60_000);
    const turn = await b.take('held');
    expect(turn).toMatchObject({ granted: false, limit: 'held' });
    expect(!turn.granted && turn.waitMs).toBeGreaterThan(55_000);
    expect(!turn.granted && turn.waitMs).toBeLessThanOrEqual(60_000);
    expect(await b.acquire('held', 0)).toMatchObject({ granted: false, limit: 'held' });
    expect(await b.take('free')).toEqual({ granted: true });
  });

  it('given a short hold set by one replica, then the other sends to that chat only after it', async () => {
    const [a, b] = replicas();
    const heldAt = Date.now();
    await a.holdChat('held', 1000);
    expect(await b.acquire('held', 5_000)).toEqual({ granted: true });
    expect(Date.now() - heldAt).toBeGreaterThanOrEqual(1000 - ROUND_TRIP_SLACK_MS);
  });

  it('given two replicas draining 28 sends to 12 chats, then no chat and no sliding second is over its rate', async () => {
    const perSecond = 6; // one per 200 ms slot: the bot's rate binds as well as the chats'
    const [a, b] = replicas({ botSendsPerSecond: perSecond });
    const grants: { chat: string; at: number }[] = [];
    const sendAll = async (limits: TelegramSendLimits, chats: string[]) => {
      for (const chat of chats) {
        for (;;) {
          const turn = await limits.acquire(chat, 5_000);
          if (turn.granted) break;
          await sleep(turn.waitMs);
        }
        grants.push({ chat, at: Date.now() });
      }
    };
    // Each replica works its own lanes, and both get messages for the same chats.
    const lanes = Array.from({ length: 12 }, (_, i) => `chat-${i}`);
    await Promise.all(
      lanes.flatMap((chat, i) => [
        sendAll(i % 2 === 0 ? a : b, [chat, chat]),
        sendAll(i % 2 === 0 ? b : a, i < 4 ? [chat] : []),
      ]),
    );

    expect(grants).toHaveLength(28);
    for (const chat of lanes) {
      const times = grants.filter((g) => g.chat === chat).map((g) => g.at);
      for (let i = 1; i < times.length; i++) {
        expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000 - ROUND_TRIP_SLACK_MS);
      }
    }
    const times = grants.map((g) => g.at).sort((x, y) => x - y);
    for (let i = perSecond; i < times.length; i++) {
      // perSecond + 1 grants never fit in one second.
      expect(times[i]! - times[i - perSecond]!).toBeGreaterThanOrEqual(1000 - ROUND_TRIP_SLACK_MS);
    }
  }, 30_000);
});
