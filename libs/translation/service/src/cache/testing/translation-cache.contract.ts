import { translationCacheKey } from '@parley/translation-domain';
import type { CachedTranslation, TranslationCache } from '../translation-cache.port';

/** One adapter, fresh and empty, with entries living `ttlMs`. */
export interface CacheUnderTest {
  readonly cache: TranslationCache;
  dispose(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The translation cache contract (docs/style.md 15), run on the Redis and the in-memory
 * adapters. `make` gives an empty cache whose entries live `ttlMs`.
 */
export const describeTranslationCacheContract = (
  adapter: string,
  make: (options: { ttlMs: number }) => Promise<CacheUnderTest>,
): void => {
  describe(`translation cache contract: ${adapter}`, () => {
    const opened: CacheUnderTest[] = [];
    const open = async (ttlMs = 60_000) => {
      const underTest = await make({ ttlMs });
      opened.push(underTest);
      return underTest.cache;
    };
    afterEach(async () => {
      for (const underTest of opened.splice(0)) await underTest.dispose();
    });

    const ru = translationCacheKey('google', 'ru', 'Hello');
    const es = translationCacheKey('google', 'es', 'Hello');
    const en = translationCacheKey('google', 'en', 'Привет');
    const hola: CachedTranslation = { translation: 'Hola', detectedSource: 'en' };
    const privet: CachedTranslation = { translation: 'Привет 👋\nи пока', detectedSource: null };

    it('given nothing stored, then every key is a miss', async () => {
      const cache = await open();
      expect(await cache.getMany([ru, es])).toEqual([null, null]);
    });

    it('given stored translations, then a lookup answers hits and misses in the order asked', async () => {
      const cache = await open();

      await cache.setMany([
        { key: es, value: hola },
        { key: ru, value: privet },
      ]);

      expect(await cache.getMany([en, ru, es, ru])).toEqual([null, privet, hola, privet]);
    });

    it('given a key stored again, then the last value wins', async () => {
      const cache = await open();
      await cache.setMany([{ key: es, value: hola }]);

      await cache.setMany([{ key: es, value: { translation: '¡Hola!', detectedSource: 'en' } }]);

      expect(await cache.getMany([es])).toEqual([{ translation: '¡Hola!', detectedSource: 'en' }]);
    });

    it('given empty lists, then nothing happens', async () => {
      const cache = await open();
      await cache.setMany([]);
      expect(await cache.getMany([])).toEqual([]);
    });

    it('given an entry older than the TTL, then it is a miss', async () => {
      const cache = await open(300);
      await cache.setMany([{ key: es, value: hola }]);
      expect(await cache.getMany([es])).toEqual([hola]);

      await sleep(450);

      expect(await cache.getMany([es])).toEqual([null]);
    });

    it('given a value changed by the caller after storing, then the cache keeps what was stored', async () => {
      const cache = await open();
      const value = { translation: 'Hola', detectedSource: 'en' as string | null };
      await cache.setMany([{ key: es, value }]);

      value.translation = 'changed';

      expect(await cache.getMany([es])).toEqual([hola]);
    });

    it('describes itself', async () => {
      const cache = await open();
      expect(cache.description).toEqual(expect.any(String));
      expect(cache.description.length).toBeGreaterThan(0);
    });
  });
};
