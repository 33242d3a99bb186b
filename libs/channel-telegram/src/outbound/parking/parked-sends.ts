import type { Redis } from 'ioredis';

export interface ParkedSendsOptions {
  /** The bot whose chats these are: its keys never meet another bot's. */
  readonly botId: string;
  /** Shared by every replica; null: this process's memory (`npm start`). */
  readonly redis: Redis | null;
  /** Prefix of every key. Default `parley:`. */
  readonly keyPrefix?: string;
  readonly now?: () => number;
}

/**
 * A chat's parked list outlives its last change by this long at most: a send whose parked copy
 * was lost (a crash between listing it and publishing it, whose redelivery then failed for good)
 * stops keeping the chat's later sends on the parked path after a day.
 */
const PARKED_TTL_S = 24 * 60 * 60;

/**
 * A parked send whose copy was not handled for this long is taken as lost (its copy went to the
 * dead-letter topic while Redis could not be told): it no longer keeps its chat's later sends
 * waiting. A copy is handled every few seconds while it waits, far more often than this.
 */
export const PARKED_COPY_LOST_AFTER_MS = 5 * 60 * 1000;

/**
 * Which sends of each chat are parked (on the parked-sends topic, waiting for Telegram's
 * `retry_after` to end), in the order they must go out: by their request's revision in the
 * conversation stream. Every replica reads the same list (Redis sorted set
 * `telegram:{botId}:parked:{chatId}`, member `{messageId}/{retry}`, score the revision), so:
 * - a new send to a chat that has parked sends is parked behind them, never sent past them;
 * - a parked send goes out only when it is the chat's first.
 * Without Redis the list is this process's memory, like the bus it goes with.
 */
export class ParkedSends {
  private readonly prefix: string;
  private readonly seenPrefix: string;
  private readonly memory = new Map<string, Map<string, number>>();
  private readonly memorySeen = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: ParkedSendsOptions) {
    const bot = `${options.keyPrefix ?? 'parley:'}telegram:${options.botId}:`;
    this.prefix = `${bot}parked:`;
    this.seenPrefix = `${bot}parked-seen:`;
    this.now = options.now ?? Date.now;
  }

  /** List the send (again: the same member keeps its place), its copy seen now. */
  async park(chatId: string, member: string, order: number): Promise<void> {
    const redis = this.options.redis;
    if (!redis) {
      const chat = this.memory.get(chatId) ?? new Map<string, number>();
      chat.set(member, order);
      this.memory.set(chatId, chat);
      this.memorySeen.set(this.seenKey(chatId, member), this.now());
      return;
    }
    const key = this.prefix + chatId;
    await redis
      .multi()
      .zadd(key, order, member)
      .expire(key, PARKED_TTL_S)
      .set(this.seenKey(chatId, member), '1', 'PX', PARKED_COPY_LOST_AFTER_MS)
      .exec();
  }

  /** A copy of the send is being handled: it is not lost. */
  async seen(chatId: string, member: string): Promise<void> {
    const redis = this.options.redis;
    if (!redis) {
      this.memorySeen.set(this.seenKey(chatId, member), this.now());
      return;
    }
    await redis.set(this.seenKey(chatId, member), '1', 'PX', PARKED_COPY_LOST_AFTER_MS);
  }

  /** No copy of the send was handled for PARKED_COPY_LOST_AFTER_MS. */
  async isLost(chatId: string, member: string): Promise<boolean> {
    const redis = this.options.redis;
    if (!redis) {
      const at = this.memorySeen.get(this.seenKey(chatId, member));
      return at === undefined || this.now() - at >= PARKED_COPY_LOST_AFTER_MS;
    }
    return (await redis.exists(this.seenKey(chatId, member))) === 0;
  }

  /** The chat's parked send that goes first; undefined when none is parked. */
  async first(chatId: string): Promise<string | undefined> {
    const redis = this.options.redis;
    if (!redis) {
      let first: [string, number] | undefined;
      for (const entry of this.memory.get(chatId) ?? []) {
        if (!first || entry[1] < first[1] || (entry[1] === first[1] && entry[0] < first[0])) {
          first = entry;
        }
      }
      return first?.[0];
    }
    const [member] = await redis.zrange(this.prefix + chatId, '0', '0');
    return member;
  }

  /** Whether the send is listed. */
  async isParked(chatId: string, member: string): Promise<boolean> {
    const redis = this.options.redis;
    if (!redis) return this.memory.get(chatId)?.has(member) ?? false;
    return (await redis.zscore(this.prefix + chatId, member)) !== null;
  }

  /** The send went out or failed for good: the chat's next parked send is first now. */
  async unpark(chatId: string, member: string): Promise<void> {
    const redis = this.options.redis;
    if (!redis) {
      const chat = this.memory.get(chatId);
      chat?.delete(member);
      if (chat?.size === 0) this.memory.delete(chatId);
      this.memorySeen.delete(this.seenKey(chatId, member));
      return;
    }
    await redis
      .multi()
      .zrem(this.prefix + chatId, member)
      .del(this.seenKey(chatId, member))
      .exec();
  }

  private seenKey(chatId: string, member: string): string {
    return `${this.seenPrefix}${chatId}:${member}`;
  }
}

/** A send's member in its chat's parked list: one per message and round. */
export const parkedMember = (messageId: string, retry: number): string => `${messageId}/${retry}`;

/** The message id and round of a member. */
export const parseParkedMember = (member: string): { messageId: string; retry: number } => {
  const slash = member.lastIndexOf('/');
  return { messageId: member.slice(0, slash), retry: Number(member.slice(slash + 1)) };
};
