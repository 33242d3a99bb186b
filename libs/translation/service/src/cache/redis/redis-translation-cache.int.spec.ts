import { randomBytes } from 'node:crypto';
import { translationCacheKey } from '@parley/translation-domain';
import { Redis } from 'ioredis';
import { describeTranslationCacheContract } from '../testing/translation-cache.contract';
import { DEFAULT_TRANSLATION_TTL_MS } from '../translation-cache.port';
import { RedisTranslationCache } from './redis-translation-cache';

// Redis is required (infra:up starts it); PARLEY_TEST_REDIS_URL points elsewhere. Every key of
// this run starts with its own prefix and is deleted at the end.
const REDIS_URL = process.env['PARLEY_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
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

/** A prefix per cache, so each contract case starts empty. */
const cachePrefix = () => `${prefix}${randomBytes(3).toString('hex')}:`;

describeTranslationCacheContract(`Redis at ${new URL(REDIS_URL).host}`, async ({ ttlMs }) => ({
  cache: new RedisTranslationCache({ redis, keyPrefix: cachePrefix(), ttlMs }),
  dispose: async () => undefined,
}));

describe('Redis translation cache: what it stores', () => {
  const key = translationCacheKey('libretranslate', 'en', 'Привет');

  it('given a stored translation, then its key carries the prefix and a 30-day expiry', async () => {
    const keyPrefix = cachePrefix();
    const cache = new RedisTranslationCache({ redis, keyPrefix });

    await cache.setMany([{ key, value: { translation: 'Hello', detectedSource: 'ru' } }]);

    const ttl = await redis.pttl(`${keyPrefix}${key}`);
    expect(ttl).toBeGreaterThan(DEFAULT_TRANSLATION_TTL_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(DEFAULT_TRANSLATION_TTL_MS);
    expect(JSON.parse((await redis.get(`${keyPrefix}${key}`)) ?? '')).toEqual({
      translation: 'Hello',
      detectedSource: 'ru',
    });
  });

  it('given a value another process wrote that is not a translation, then it is a miss', async () => {
    const keyPrefix = cachePrefix();
    const cache = new RedisTranslationCache({ redis, keyPrefix });
    const other = translationCacheKey('libretranslate', 'en', 'Пока');
    await redis.set(`${keyPrefix}${key}`, 'not json', 'PX', 60_000);
    await redis.set(`${keyPrefix}${other}`, JSON.stringify({ translation: 42 }), 'PX', 60_000);

    expect(await cache.getMany([key, other])).toEqual([null, null]);
  });

  it('given Redis down, then a lookup rejects (the caller treats it as a miss)', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    down.on('error', () => undefined);
    await new Promise((resolve) => down.once('end', resolve));
    const cache = new RedisTranslationCache({ redis: down, keyPrefix: cachePrefix() });

    await expect(cache.getMany([key])).rejects.toThrow(/closed/i);
  });
});
