import { describeTranslationCacheContract } from '../testing/translation-cache.contract';
import { InMemoryTranslationCache } from './in-memory-translation-cache';

describeTranslationCacheContract('in memory', async ({ ttlMs }) => ({
  cache: new InMemoryTranslationCache({ ttlMs }),
  dispose: async () => undefined,
}));

describe('in-memory translation cache: its bound', () => {
  const value = (translation: string) => ({ translation, detectedSource: 'en' });

  it('given more entries than its bound, then the least recently used go first', async () => {
    const cache = new InMemoryTranslationCache({ maxEntries: 3 });
    await cache.setMany([
      { key: 'a', value: value('A') },
      { key: 'b', value: value('B') },
      { key: 'c', value: value('C') },
    ]);
    await cache.getMany(['a']); // a is now the most recently used

    await cache.setMany([{ key: 'd', value: value('D') }]);

    expect(cache.size).toBe(3);
    expect(await cache.getMany(['a', 'b', 'c', 'd'])).toEqual([
      value('A'),
      null,
      value('C'),
      value('D'),
    ]);
  });

  it('given a clock past the TTL, then an entry expires and leaves the cache', async () => {
    let now = 1_000;
    const cache = new InMemoryTranslationCache({ ttlMs: 100, now: () => now });
    await cache.setMany([{ key: 'a', value: value('A') }]);

    now += 99;
    expect(await cache.getMany(['a'])).toEqual([value('A')]);
    now += 1;
    expect(await cache.getMany(['a'])).toEqual([null]);
    expect(cache.size).toBe(0);
  });

  it('refuses a bound below one', () => {
    expect(() => new InMemoryTranslationCache({ maxEntries: 0 })).toThrow(RangeError);
  });
});
