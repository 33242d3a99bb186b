import type { BatchLimits, TranslationFailureReason } from '@parley/translation-domain';
import type {
  TranslatedText,
  TranslationProvider,
  TranslationRequest,
} from '../providers/translation-provider.port';
import { TranslationProviderError } from '../providers/translation-provider-error';
import { CachingTranslator } from './caching-translator';
import { InMemoryTranslationCache } from './in-memory/in-memory-translation-cache';
import type { TranslationCache } from './translation-cache.port';

/**
 * An in-process provider that records its requests and answers `[target] text`, or fails the
 * requests whose number is in `failures`. The adapters themselves are checked over HTTP by the
 * provider contract; this checks what the translator asks of any provider.
 */
class RecordingProvider implements TranslationProvider {
  readonly name = 'recording';
  readonly requests: TranslationRequest[] = [];

  constructor(
    readonly limits: BatchLimits = { maxTexts: 128, maxChars: 5_000 },
    private readonly failures: ReadonlyMap<number, TranslationFailureReason> = new Map(),
  ) {}

  async translate(request: TranslationRequest): Promise<TranslatedText[]> {
    this.requests.push(request);
    const failure = this.failures.get(this.requests.length);
    if (failure) throw new TranslationProviderError(this.name, failure, 'as told');
    return request.texts.map((text) => ({
      translation: `[${request.target}] ${text}`,
      detectedSource: /\p{Script=Cyrillic}/u.test(text) ? 'ru' : 'es',
    }));
  }
}

const translated = (translation: string, detectedSource: string | null, fromCache: boolean) => ({
  status: 'translated',
  translation,
  detectedSource,
  fromCache,
});

describe('CachingTranslator', () => {
  it('given a cold cache, then all texts go in one request and come back in input order', async () => {
    const provider = new RecordingProvider();
    const translator = new CachingTranslator({ provider, cache: new InMemoryTranslationCache() });

    const outcomes = await translator.translate({ texts: ['Привет', 'Hola'], target: 'en' });

    expect(outcomes).toEqual([
      translated('[en] Привет', 'ru', false),
      translated('[en] Hola', 'es', false),
    ]);
    expect(provider.requests).toEqual([{ texts: ['Привет', 'Hola'], target: 'en' }]);
  });

  it('given some texts cached, then only the misses are sent, and the answer mixes both in order', async () => {
    const provider = new RecordingProvider();
    const translator = new CachingTranslator({ provider, cache: new InMemoryTranslationCache() });
    await translator.translate({ texts: ['Hola'], target: 'en' });

    const outcomes = await translator.translate({
      texts: ['Привет', 'Hola', 'Adiós'],
      target: 'en',
    });

    expect(outcomes).toEqual([
      translated('[en] Привет', 'ru', false),
      translated('[en] Hola', 'es', true),
      translated('[en] Adiós', 'es', false),
    ]);
    expect(provider.requests.map((r) => r.texts)).toEqual([['Hola'], ['Привет', 'Adiós']]);
  });

  it('given the same text in another target language, then it is a miss', async () => {
    const provider = new RecordingProvider();
    const translator = new CachingTranslator({ provider, cache: new InMemoryTranslationCache() });
    await translator.translate({ texts: ['Hola'], target: 'en' });

    await translator.translate({ texts: ['Hola'], target: 'ru' });

    expect(provider.requests.map((r) => r.target)).toEqual(['en', 'ru']);
  });

  it('given a text twice and a blank text, then the text is sent once and the blank not at all', async () => {
    const provider = new RecordingProvider();
    const translator = new CachingTranslator({ provider, cache: new InMemoryTranslationCache() });

    const outcomes = await translator.translate({ texts: ['Hola', '  ', 'Hola'], target: 'en' });

    expect(outcomes).toEqual([
      translated('[en] Hola', 'es', false),
      translated('  ', null, false),
      translated('[en] Hola', 'es', false),
    ]);
    expect(provider.requests.map((r) => r.texts)).toEqual([['Hola']]);
  });

  it("given 300 texts and Google's 128 segments, then 3 requests, answers in input order", async () => {
    const provider = new RecordingProvider({ maxTexts: 128, maxChars: 100_000 });
    const translator = new CachingTranslator({ provider, cache: new InMemoryTranslationCache() });
    const texts = Array.from({ length: 300 }, (_, i) => `texto ${i}`);

    const outcomes = await translator.translate({ texts, target: 'en', source: 'es' });

    expect(provider.requests.map((r) => r.texts.length)).toEqual([128, 128, 44]);
    expect(provider.requests.every((r) => r.source === 'es')).toBe(true);
    expect(outcomes.map((o) => o.status === 'translated' && o.translation)).toEqual(
      texts.map((t) => `[en] ${t}`),
    );
  });

  it('given a character budget, then a request never carries more than it', async () => {
    const provider = new RecordingProvider({ maxTexts: 128, maxChars: 25 });
    const translator = new CachingTranslator({ provider, cache: new InMemoryTranslationCache() });

    await translator.translate({
      texts: ['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(10)],
      target: 'en',
    });

    expect(provider.requests.map((r) => r.texts.join('').length)).toEqual([20, 10]);
  });

  it('given a spent quota on the second batch, then its texts and the later ones fail retryably, unsent, and the first batch stays translated and cached', async () => {
    const provider = new RecordingProvider(
      { maxTexts: 2, maxChars: 5_000 },
      new Map([[2, 'quota_exceeded' as const]]),
    );
    const cache = new InMemoryTranslationCache();
    const translator = new CachingTranslator({ provider, cache });

    const outcomes = await translator.translate({ texts: ['a', 'b', 'c', 'd', 'e'], target: 'en' });

    const quota = { status: 'failed', reason: 'quota_exceeded', retryable: true };
    expect(outcomes).toEqual([
      translated('[en] a', 'es', false),
      translated('[en] b', 'es', false),
      quota,
      quota,
      quota,
    ]);
    expect(provider.requests).toHaveLength(2);

    // A retry later sends only what failed.
    const retried = await translator.translate({ texts: ['a', 'b', 'c', 'd', 'e'], target: 'en' });
    expect(retried.every((o) => o.status === 'translated')).toBe(true);
    expect(provider.requests.slice(2).map((r) => r.texts)).toEqual([['c', 'd'], ['e']]);
  });

  it('given a refused batch, then only its texts fail, not retryable, and the others are still sent', async () => {
    const provider = new RecordingProvider(
      { maxTexts: 1, maxChars: 5_000 },
      new Map([[1, 'bad_request' as const]]),
    );
    const translator = new CachingTranslator({ provider, cache: new InMemoryTranslationCache() });

    const outcomes = await translator.translate({ texts: ['a', 'b'], target: 'en' });

    expect(outcomes).toEqual([
      { status: 'failed', reason: 'bad_request', retryable: false },
      translated('[en] b', 'es', false),
    ]);
  });

  it('given a cache that fails, then texts are still translated and the failures reported', async () => {
    const broken: TranslationCache = {
      description: 'broken',
      getMany: () => Promise.reject(new Error('cache read down')),
      setMany: () => Promise.reject(new Error('cache write down')),
    };
    const provider = new RecordingProvider();
    const reported: string[] = [];
    const translator = new CachingTranslator({
      provider,
      cache: broken,
      onCacheError: (error, operation) =>
        reported.push(`${operation}: ${(error as Error).message}`),
    });

    const outcomes = await translator.translate({ texts: ['Hola'], target: 'en' });

    expect(outcomes).toEqual([translated('[en] Hola', 'es', false)]);
    expect(reported).toEqual(['read: cache read down', 'write: cache write down']);
  });

  it('given a provider that throws something else than its typed error, then it counts as unavailable', async () => {
    const provider: TranslationProvider = {
      name: 'odd',
      limits: { maxTexts: 10, maxChars: 100 },
      translate: () => Promise.reject(new TypeError('boom')),
    };
    const translator = new CachingTranslator({ provider, cache: new InMemoryTranslationCache() });

    expect(await translator.translate({ texts: ['Hola'], target: 'en' })).toEqual([
      { status: 'failed', reason: 'unavailable', retryable: true },
    ]);
  });
});
