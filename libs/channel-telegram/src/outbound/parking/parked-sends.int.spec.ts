import { randomInt } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  PARKED_COPY_LOST_AFTER_MS,
  ParkedSends,
  parkedMember,
  parseParkedMember,
} from './parked-sends';

// One suite for both stores of the parked list (docs/style.md 15): this process's memory
// (`npm start`) and Redis, which every replica of the channel shares.

const REDIS_URL = process.env['PARLEY_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe.each(['memory', 'redis'] as const)('parked sends in %s', (where) => {
  const botId = String(randomInt(100_000_000, 999_999_999));
  let redis: Redis | null = null;
  let parked: ParkedSends;

  beforeAll(() => {
    redis = where === 'redis' ? new Redis(REDIS_URL, { maxRetriesPerRequest: 1 }) : null;
    parked = new ParkedSends({ botId, redis });
  });

  afterAll(async () => {
    if (!redis) return;
    const keys = await redis.keys(`parley:telegram:${botId}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('given sends parked out of order, then the first is the one asked for first, and each goes in turn', async () => {
    // Given
    await parked.park('7', parkedMember('m3', 0), 30);
    await parked.park('7', parkedMember('m1', 0), 10);
    await parked.park('7', parkedMember('m2', 1), 20);
    // Then
    expect(await parked.first('7')).toBe('m1/0');
    await parked.unpark('7', 'm1/0');
    expect(await parked.first('7')).toBe('m2/1');
    await parked.unpark('7', 'm2/1');
    expect(await parked.first('7')).toBe('m3/0');
    await parked.unpark('7', 'm3/0');
    expect(await parked.first('7')).toBeUndefined();
  });

  it('given a send parked again, then it keeps one place, and another chat or bot is not affected', async () => {
    // Given
    await parked.park('8', 'a/0', 5);
    await parked.park('8', 'b/0', 6);
    await parked.park('8', 'a/0', 5);
    const otherBot = new ParkedSends({ botId: `${botId}0`, redis });
    // Then
    expect(await parked.isParked('8', 'a/0')).toBe(true);
    expect(await parked.isParked('9', 'a/0')).toBe(false);
    expect(await otherBot.first('8')).toBeUndefined();
    await parked.unpark('8', 'a/0');
    expect(await parked.isParked('8', 'a/0')).toBe(false);
    expect(await parked.first('8')).toBe('b/0');
    await parked.unpark('8', 'b/0');
    // Unparking what is not parked changes nothing.
    await parked.unpark('8', 'b/0');
    expect(await parked.first('8')).toBeUndefined();
  });

  it('given a parked send, then its copy is not lost until it is unparked', async () => {
    // Given
    await parked.park('10', 'c/0', 1);
    // Then
    expect(await parked.isLost('10', 'c/0')).toBe(false);
    await parked.seen('10', 'c/0');
    expect(await parked.isLost('10', 'c/0')).toBe(false);
    await parked.unpark('10', 'c/0');
    expect(await parked.isLost('10', 'c/0')).toBe(true);
  });

  it('given a member, then it reads back as its message id and round', () => {
    expect(parseParkedMember(parkedMember('a/b-c', 3))).toEqual({ messageId: 'a/b-c', retry: 3 });
  });
});

describe('parked sends in memory, as time passes', () => {
  it('given a copy not seen for the lost-after time, then it is lost; seen again, then it is not', async () => {
    // Given
    let now = 1_000_000;
    const parked = new ParkedSends({ botId: '1', redis: null, now: () => now });
    await parked.park('7', 'a/0', 1);
    // When
    now += PARKED_COPY_LOST_AFTER_MS - 1;
    // Then
    expect(await parked.isLost('7', 'a/0')).toBe(false);
    now += 1;
    expect(await parked.isLost('7', 'a/0')).toBe(true);
    await parked.seen('7', 'a/0');
    expect(await parked.isLost('7', 'a/0')).toBe(false);
  });
});
