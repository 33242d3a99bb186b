import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { LibreTranslateProvider } from '../providers/libretranslate/libretranslate-provider';
import { LibreTranslateStandIn } from '../providers/testing/libretranslate-stand-in';
import { CachingTranslator } from './caching-translator';
import { RedisTranslationCache } from './redis/redis-translation-cache';

// The whole path on real parts: a LibreTranslate stand-in over HTTP, the Redis cache at
// 127.0.0.1:6379 (PARLEY_TEST_REDIS_URL elsewhere), keys under a prefix deleted at the end.
const REDIS_URL = process.env['PARLEY_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('CachingTranslator over LibreTranslate and Redis', () => {
  const prefix = `parley-test-${randomBytes(5).toString('hex')}:`;
  let redis: Redis;
  let standIn: LibreTranslateStandIn;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    standIn = await LibreTranslateStandIn.start(null);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await standIn.close();
  });

  it('given two replicas sharing Redis, then a text one translated costs the other no request', async () => {
    const replica = () =>
      new CachingTranslator({
        provider: new LibreTranslateProvider({
          url: standIn.url,
          limits: { maxTexts: 2, maxChars: 1_000 },
        }),
        cache: new RedisTranslationCache({ redis, keyPrefix: prefix }),
      });
    const texts = ['Привет', '¿Qué tal?', 'Привет', 'Где мой заказ?'];

    const first = await replica().translate({ texts, target: 'en' });
    const second = await replica().translate({ texts, target: 'en' });

    expect(
      first.map((o) => o.status === 'translated' && [o.translation, o.detectedSource]),
    ).toEqual([
      ['[en] Привет', 'ru'],
      ['[en] ¿Qué tal?', 'es'],
      ['[en] Привет', 'ru'],
      ['[en] Где мой заказ?', 'ru'],
    ]);
    expect(second).toEqual(first.map((o) => ({ ...o, fromCache: true })));
    expect(standIn.translateRequests().map((r) => r.texts)).toEqual([
      ['Привет', '¿Qué tal?'],
      ['Где мой заказ?'],
    ]);
  });
});
