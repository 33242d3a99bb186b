import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { botSendSlotAt, sendsPerBotSlot } from './bot-send-slots';

/** May a message go to the chat now; if not, why, and how long until it may. */
export type SendTurn =
  | { readonly granted: true }
  | {
      readonly granted: false;
      /** `held`: Telegram's retry_after for this chat; `chat`: its spacing; `bot`: the bot's rate. */
      readonly limit: 'held' | 'chat' | 'bot';
      readonly waitMs: number;
    };

export interface TelegramSendLimitsOptions {
  /** The bot whose limits these are: its keys never meet another bot's. */
  readonly botId: string;
  /** Least time between two sends to one chat, whole seconds in ms; 0: no spacing. */
  readonly chatIntervalMs: number;
  /** Sends per sliding second, all chats together (see bot-send-slots). */
  readonly botSendsPerSecond: number;
  /** Shared by every replica; null: this process's memory. */
  readonly redis: Redis | null;
  /** Prefix of every key. Default `parley:`. */
  readonly keyPrefix?: string;
  readonly now?: () => number;
}

/** Shortest pause before asking again, so a key about to expire never turns into a busy loop. */
const MIN_WAIT_MS = 5;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Telegram's send limits for one bot (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
 * about one message a second per chat, about 30 a second in all, and the `retry_after` of a 429
 * for the chat it names. Counted by rate-limiter-flexible, in Redis when a client is given (every
 * replica of the channel shares the counters; if Redis fails, each process counts in its own
 * memory until it is back, like the gateway's sign-in limits), else in this process's memory.
 *
 * Keys (after the prefix, `telegram:{botId}:`):
 * - `chat:{chatId}`: one point per chat interval (the window opens at the send and expires
 *   after it, so two sends to a chat are at least the interval apart);
 * - `bot:{slot}`: the bot's sends in one 200 ms slot of the clock (bot-send-slots);
 * - `hold:{chatId}`: a chat Telegram told to wait (429), blocked for its retry_after.
 *
 * A turn checks the hold and the chat's window first (reading only), then takes a point of the
 * bot's slot, then the chat's point; if another replica took the chat in between, the bot's
 * point is given back. So a chat that must wait costs the other chats nothing, and a waiting
 * send blocks only its own chat.
 */
export class TelegramSendLimits {
  private readonly chats: RateLimiterAbstract | null;
  private readonly bot: RateLimiterAbstract;
  private readonly holds: RateLimiterAbstract;
  private readonly now: () => number;

  constructor(options: TelegramSendLimitsOptions) {
    const prefix = `${options.keyPrefix ?? 'parley:'}telegram:${options.botId}:`;
    const limiter = (opts: IRateLimiterOptions): RateLimiterAbstract =>
      options.redis
        ? new RateLimiterRedis({
            ...opts,
            storeClient: options.redis,
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory(opts),
          })
        : new RateLimiterMemory(opts);
    this.chats =
      options.chatIntervalMs > 0
        ? limiter({
            keyPrefix: `${prefix}chat`,
            points: 1,
            duration: options.chatIntervalMs / 1000,
          })
        : null;
    this.bot = limiter({
      keyPrefix: `${prefix}bot`,
      points: sendsPerBotSlot(options.botSendsPerSecond),
      // A slot's key outlives its 200 ms: nothing counts into it once the clock has moved on.
      duration: 1,
    });
    this.holds = limiter({ keyPrefix: `${prefix}hold`, points: 1, duration: 1 });
    this.now = options.now ?? Date.now;
  }

  /** Take the chat's turn if it may have one now (one send), else say how long to wait. */
  async take(chatId: string): Promise<SendTurn> {
    const held = await this.heldFor(chatId);
    if (held > 0) return { granted: false, limit: 'held', waitMs: held };
    const chats = this.chats;
    if (chats) {
      const window = await chats.get(chatId);
      if (window && window.consumedPoints >= chats.points && window.msBeforeNext > 0) {
        return refused('chat', window.msBeforeNext);
      }
    }
    const slot = botSendSlotAt(this.now());
    const slotKey = String(slot.index);
    if ((await consume(this.bot, slotKey)) !== null) return refused('bot', slot.endsInMs);
    if (chats) {
      const chatWait = await consume(chats, chatId);
      if (chatWait !== null) {
        await this.bot.reward(slotKey, 1);
        return refused('chat', chatWait);
      }
    }
    return { granted: true };
  }

  /**
   * Wait for the chat's turn, at most `maxWaitMs`: granted, or the last refusal when the time is
   * up (the caller hands the message back to the bus instead of holding its consumer longer).
   */
  async acquire(chatId: string, maxWaitMs: number): Promise<SendTurn> {
    const deadline = this.now() + maxWaitMs;
    for (;;) {
      const turn = await this.take(chatId);
      if (turn.granted) return turn;
      const left = deadline - this.now();
      if (left <= 0) return turn;
      await sleep(Math.min(Math.max(turn.waitMs, MIN_WAIT_MS), left));
    }
  }

  /** Telegram answered 429 for this chat: no replica sends to it for `ms` (whole seconds, up). */
  async holdChat(chatId: string, ms: number): Promise<void> {
    if (ms <= 0) return;
    await this.holds.block(chatId, Math.ceil(ms / 1000));
  }

  /** Milliseconds the chat is still held by a retry_after; 0 when it is not. */
  async heldFor(chatId: string): Promise<number> {
    const hold = await this.holds.get(chatId);
    return hold && hold.consumedPoints > this.holds.points ? Math.max(0, hold.msBeforeNext) : 0;
  }
}

const refused = (limit: 'held' | 'chat' | 'bot', waitMs: number): SendTurn => ({
  granted: false,
  limit,
  waitMs: Math.max(MIN_WAIT_MS, waitMs),
});

/** null when the point was taken; the milliseconds until the key has points again otherwise. */
const consume = async (limiter: RateLimiterAbstract, key: string): Promise<number | null> => {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection.msBeforeNext;
    throw rejection;
  }
};
