import { randomBytes, randomInt } from 'node:crypto';
import { testKafkaBus } from '@parley/bus/testing';
import { loadConfig } from '@parley/config';
import {
  streamName,
  telegramConversationId,
  type EventEnvelope,
  type ManagerMessageQueued,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { realEngines, startServiceHarness, type ServiceHarness } from '@parley/platform/testing';
import { testKafkaBrokers, waitUntil } from '@parley/test-infra';
import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { Redis } from 'ioredis';
import {
  queuedManagerMessage,
  startBotApiStandIn,
  tooManyRequests,
  type BotApiCall,
  type BotApiStandIn,
} from '../testing';
import { CHANNEL_TELEGRAM_CONSUMER, TelegramChannelConfig, TelegramChannelModule } from '../index';

// Issue 9, "Throttling": 200 messages to 50 chats sent through two instances of the channel
// service never exceed Telegram's per-chat and per-bot rates, as the Bot API stand-in records
// them, and each arrives exactly once; a 429 with retry_after for one chat delays only that chat.
//
// Two instances of the channel module in this test rather than two processes: each has its own
// Kafka consumer (a bus of its own) in the same consumer group, its own limiter and its own Redis
// connection, so they share exactly what two processes share (the group's partitions, Redis, the
// event store), while booting in seconds on a two-core machine and letting the test read the
// stand-in directly. The process itself is covered by apps/channel-telegram's e2e spec.

const REDIS_URL = process.env['PARLEY_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const WORKSPACE = 'throttle';
const NOW = new Date('2026-01-01T10:00:00.000Z');
const CHATS = 50;
const PER_CHAT = 4;
/** Telegram's limits, and the channel's defaults. */
const CHAT_INTERVAL_MS = 1000;
const BOT_PER_SECOND = 30;
/**
 * The limiter grants turns spaced by the limits; a request reaches the stand-in after its attempt
 * is recorded (one event store append) and an HTTP hop, whose time varies, by a few hundred ms on
 * a loaded 2-core CI machine (860 ms was seen against a 1000 ms interval). This is the only slack
 * the spacings are checked with; an unthrottled sender still fails them (gaps near 0-300 ms).
 */
const SLACK_MS = 400;
/** The one chat Telegram answers 429 once, with this retry_after. */
const RETRY_AFTER_S = 2;

describe('outbound throttling across two channel instances (PostgreSQL, Kafka, Redis)', () => {
  // A bot of this run only: a group reading the topic from its start sees no earlier run's requests.
  const botId = String(randomInt(100_000_000, 999_999_999));
  const token = `${botId}:throttle-${randomBytes(6).toString('hex')}`;
  const serviceName = `channel-telegram-throttle-${randomBytes(4).toString('hex')}`;
  let standIn: BotApiStandIn;
  let first: ServiceHarness;
  let second: ServiceHarness | undefined;
  let store: EventStore;

  beforeAll(async () => {
    standIn = await startBotApiStandIn({ token });
    const config = loadConfig(TelegramChannelConfig, {
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_WEBHOOK_SECRET: 'throttle-secret',
      TELEGRAM_API_ROOT: standIn.apiRoot,
      REDIS_URL,
    });
    const instance = (
      engines: Parameters<typeof startServiceHarness>[0]['engines'],
      relay: boolean,
    ) =>
      startServiceHarness({
        engines,
        serviceName,
        workspaceId: WORKSPACE,
        clock: () => NOW,
        modules: [TelegramChannelModule.register(config)],
        relay,
      });
    first = await instance(realEngines('channel_throttle'), true);
    store = first.store;
    const bus = testKafkaBus();
    // The second instance shares the store (one relay, the first's, feeds Kafka) but has its own bus.
    second = await instance({ store, bus, cleanup: () => bus.close() }, false);
  }, 120_000);

  afterAll(async () => {
    await second?.close();
    await first?.close();
    await standIn?.close();
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`parley:telegram:${botId}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const chatIds = Array.from({ length: CHATS }, (_, i) => 7_000_000 + i);
  const conversationOf = (chat: number) => telegramConversationId(WORKSPACE, botId, chat);
  const textOf = (chat: number, n: number) => `message ${n} to ${chat}`;

  const queuedMessage = (chat: number, text: string): ManagerMessageQueued =>
    queuedManagerMessage({ workspaceId: WORKSPACE, botId, chat, text, at: NOW });

  const queue = (event: ManagerMessageQueued) =>
    store.append(streamName('conversation', event.data.conversationId), [event], {
      expected: 'any',
    });

  const channelEventsOf = async (chat: number): Promise<EventEnvelope[]> =>
    (await store.readStream(streamName('channel', conversationOf(chat)))).map((r) => r.event);

  const sendsTo = (chat: number): BotApiCall[] =>
    standIn.callsOf('sendMessage').filter((c) => String(c.params['chat_id']) === String(chat));

  /** Partitions of the conversation events each member of the instances' group holds. */
  const partitionsPerMember = async (): Promise<number[]> => {
    const admin = new Kafka({ brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([
        `${serviceName}.${CHANNEL_TELEGRAM_CONSUMER}`,
      ]);
      return (groups[0]?.members ?? []).map((member) => {
        const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
        return Object.values(assignment?.assignment ?? {}).flat().length;
      });
    } finally {
      await admin.disconnect();
    }
  };

  it('given 200 messages to 50 chats, then no chat and no sliding second is over its rate, each arrives once, and a 429 holds only its chat', async () => {
    // Both instances consume: the group has two members, each with partitions of its own.
    const members = await waitUntil('both instances assigned', async () => {
      const partitions = await partitionsPerMember();
      return partitions.length === 2 && partitions.every((n) => n > 0) ? partitions : undefined;
    });
    expect(members.reduce((a, b) => a + b, 0)).toBe(3);
    const throttled = chatIds[0]!;
    standIn.failChat(throttled, tooManyRequests(RETRY_AFTER_S), 1);
    for (let n = 1; n <= PER_CHAT; n++) {
      for (const chat of chatIds) await queue(queuedMessage(chat, textOf(chat, n)));
    }

    const delivered = await waitUntil(
      'every message delivered',
      async () => {
        let count = 0;
        for (const chat of chatIds) {
          count += (await channelEventsOf(chat)).filter(
            (e) => e.type === 'Channel.MessageDelivered',
          ).length;
        }
        return count >= CHATS * PER_CHAT ? count : undefined;
      },
      90_000,
      250,
    );
    expect(delivered).toBe(CHATS * PER_CHAT);

    // Each message reached Telegram once, in the order it was queued for its chat.
    const calls = standIn.callsOf('sendMessage');
    const accepted = calls.filter((c) => c.status === 200);
    expect(accepted).toHaveLength(CHATS * PER_CHAT);
    for (const chat of chatIds) {
      expect(
        sendsTo(chat)
          .filter((c) => c.status === 200)
          .map((c) => c.params['text']),
      ).toEqual(Array.from({ length: PER_CHAT }, (_, i) => textOf(chat, i + 1)));
    }
    // No chat failed: every delivery is the only outcome of its message.
    for (const chat of chatIds) {
      const outcomes = (await channelEventsOf(chat)).filter(
        (e) => e.type === 'Channel.MessageDelivered' || e.type === 'Channel.MessageDeliveryFailed',
      );
      expect(outcomes.map((e) => e.type)).toEqual(
        Array.from({ length: PER_CHAT }, () => 'Channel.MessageDelivered'),
      );
    }

    // Per chat: every request (the 429'd one too) at least the chat interval after the one before.
    for (const chat of chatIds) {
      const times = sendsTo(chat).map((c) => c.at);
      for (let i = 1; i < times.length; i++) {
        expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(CHAT_INTERVAL_MS - SLACK_MS);
      }
    }
    // Per bot: no BOT_PER_SECOND + 1 requests within one second.
    const times = calls.map((c) => c.at).sort((a, b) => a - b);
    for (let i = BOT_PER_SECOND; i < times.length; i++) {
      expect(times[i]! - times[i - BOT_PER_SECOND]!).toBeGreaterThanOrEqual(1000 - SLACK_MS);
    }

    // The 429: that chat's retry waited its retry_after; other chats kept going meanwhile.
    const [refused, retried] = sendsTo(throttled);
    expect(refused!.status).toBe(429);
    expect(retried!.status).toBe(200);
    expect(retried!.params['text']).toBe(refused!.params['text']);
    expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - SLACK_MS);
    const othersMeanwhile = calls.filter(
      (c) =>
        String(c.params['chat_id']) !== String(throttled) &&
        c.at > refused!.at &&
        c.at < retried!.at,
    );
    expect(othersMeanwhile.length).toBeGreaterThan(0);
    // Its attempts: the refused one answered with Telegram's reason, then the one that went through.
    const attempts = (await channelEventsOf(throttled)).filter((e) =>
      e.type.startsWith('Channel.MessageSendAttempt'),
    );
    expect(attempts.map((e) => e.type)).toEqual([
      'Channel.MessageSendAttempted',
      'Channel.MessageSendAttemptFailed',
      'Channel.MessageSendAttempted',
      ...Array.from({ length: PER_CHAT - 1 }, () => 'Channel.MessageSendAttempted'),
    ]);
  }, 150_000);

  it('given a text over 4,096 characters, then it is refused with the reason and the Bot API is not called', async () => {
    const chat = 7_100_000;
    const queued = queuedMessage(chat, 'x'.repeat(5000));
    await queue(queued);
    const failed = await waitUntil('the failure', async () =>
      (await channelEventsOf(chat)).find((e) => e.type === 'Channel.MessageDeliveryFailed'),
    );
    expect(failed).toMatchObject({
      data: {
        messageId: queued.data.messageId,
        code: 'too_long',
        retryable: false,
        reason: expect.stringContaining('5,000 characters'),
      },
    });
    expect(sendsTo(chat)).toEqual([]);
  }, 30_000);
});
