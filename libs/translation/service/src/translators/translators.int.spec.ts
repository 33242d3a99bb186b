import { randomBytes } from 'node:crypto';
import { HealthRegistry } from '@parley/platform';
import { Redis } from 'ioredis';
import { defaultTranslationServiceOptions, type TranslationServiceOptions } from '../options';
import { LibreTranslateStandIn } from '../providers/testing/libretranslate-stand-in';
import { Translators } from './translators';

// Redis is required (infra:up starts it); PARLEY_TEST_REDIS_URL points elsewhere. Every key of
// this run starts with its own prefix and is deleted at the end.
const REDIS_URL = process.env['PARLEY_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const keyPrefix = `parley-test-${randomBytes(5).toString('hex')}:`;

describe('the translators of a process: providers from its settings, behind the Redis cache', () => {
  let libre: LibreTranslateStandIn;
  let redis: Redis;
  const running: Translators[] = [];

  const translators = (options: Partial<TranslationServiceOptions>, health?: HealthRegistry) => {
    const started = new Translators({ ...defaultTranslationServiceOptions(), ...options }, health);
    started.onModuleInit();
    running.push(started);
    return started;
  };

  beforeAll(async () => {
    libre = await LibreTranslateStandIn.start(null);
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await redis.ping();
  });

  afterAll(async () => {
    for (const t of running) await t.onApplicationShutdown();
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await libre.close();
  });

  it('given LibreTranslate and Redis, when the same text is translated twice, then the provider is asked once and the cache answers the second time', async () => {
    const health = new HealthRegistry();
    const t = translators(
      {
        libretranslate: { url: libre.url },
        cache: { kind: 'redis', redisUrl: REDIS_URL, keyPrefix },
      },
      health,
    );
    const before = libre.translateRequests().length;

    const first = await t.translate('libretranslate', 'Hola, ¿qué tal?', 'es', 'ru');
    const second = await t.translate('libretranslate', 'Hola, ¿qué tal?', 'es', 'ru');

    expect(first).toEqual({ status: 'translated', text: '[ru] Hola, ¿qué tal?' });
    expect(second).toEqual(first);
    expect(libre.translateRequests().length - before).toBe(1);
    expect((await redis.keys(`${keyPrefix}*`)).length).toBe(1);
    expect((await health.report()).checks).toContainEqual(
      expect.objectContaining({ name: 'translation-cache', status: 'up' }),
    );
  });

  it('given Google chosen but not configured here, then the translation fails as not_configured, naming the settings', async () => {
    const t = translators({ libretranslate: { url: libre.url } });

    expect(await t.translate('google', 'Hola', 'es', 'ru')).toEqual({
      status: 'failed',
      reason: 'not_configured',
      retryable: false,
      detail: expect.stringContaining('GOOGLE_TRANSLATE_API_KEY'),
    });
  });

  it('given the provider refusing the key, then a failure with its reason, not retryable, and no throw', async () => {
    const t = translators({ libretranslate: { url: libre.url } });
    libre.failNext('invalid_credentials');

    expect(await t.translate('libretranslate', 'Hola amigo', 'es', 'en')).toEqual({
      status: 'failed',
      reason: 'invalid_credentials',
      retryable: false,
      detail: 'libretranslate refused the credentials',
    });
  });
});
