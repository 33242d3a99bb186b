import { TranslationProviderError } from '../translation-provider-error';
import type { TranslationProvider } from '../translation-provider.port';
import type { StandInFailure, TranslationStandIn } from './stand-in-translations';

/** One adapter with its stand-in, fresh for each test. */
export interface ProviderUnderTest {
  readonly standIn: TranslationStandIn;
  /** The adapter pointed at the stand-in, with this client-side timeout. */
  provider(options: { timeoutMs: number }): TranslationProvider;
  /** The adapter pointed at a port where nothing listens. */
  unreachable(): TranslationProvider;
}

const TIMEOUT_MS = 10_000;

/** The failure a promise rejected with, which must be a TranslationProviderError. */
const failureOf = async (work: Promise<unknown>): Promise<TranslationProviderError> => {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(TranslationProviderError);
    return error as TranslationProviderError;
  }
  throw new Error('expected the translation to fail');
};

/**
 * The translation provider contract (docs/style.md 15), run on every adapter against its
 * provider's stand-in: the real client library over HTTP, the provider's documented payloads.
 */
export const describeTranslationProviderContract = (
  adapter: string,
  setUp: () => Promise<ProviderUnderTest>,
): void => {
  describe(`translation provider contract: ${adapter}`, () => {
    let underTest: ProviderUnderTest;
    let provider: TranslationProvider;

    beforeEach(async () => {
      underTest = await setUp();
      provider = underTest.provider({ timeoutMs: 2_000 });
    });
    afterEach(() => underTest.standIn.close());

    it(
      'given texts in three languages, when translated into en with no source, then each answer is in input order with its detected source',
      async () => {
        const texts = ['Привет, как дела?', '¿Cuánto cuesta?', 'Where is my order?'];

        const answers = await provider.translate({ texts, target: 'en' });

        expect(answers).toEqual([
          { translation: '[en] Привет, как дела?', detectedSource: 'ru' },
          { translation: '[en] ¿Cuánto cuesta?', detectedSource: 'es' },
          { translation: '[en] Where is my order?', detectedSource: 'en' },
        ]);
        expect(underTest.standIn.translateRequests()).toEqual([
          { texts, source: null, target: 'en' },
        ]);
      },
      TIMEOUT_MS,
    );

    it('given a source language, then it is sent and reported as the source', async () => {
      const answers = await provider.translate({
        texts: ['Hola', 'Gracias'],
        target: 'ru',
        source: 'es',
      });

      expect(answers.map((a) => a.detectedSource)).toEqual(['es', 'es']);
      expect(answers.map((a) => a.translation)).toEqual(['[ru] Hola', '[ru] Gracias']);
      expect(underTest.standIn.translateRequests()).toEqual([
        { texts: ['Hola', 'Gracias'], source: 'es', target: 'ru' },
      ]);
    });

    it('given texts with emoji, line breaks and markup-like characters, then they come back as sent', async () => {
      const texts = ['Спасибо 🙏\nдо завтра', 'a < b & c > d', '<b>not html</b>'];

      const answers = await provider.translate({ texts, target: 'en' });

      expect(answers.map((a) => a.translation)).toEqual(texts.map((t) => `[en] ${t}`));
    });

    it('given no texts, then nothing is sent', async () => {
      expect(await provider.translate({ texts: [], target: 'en' })).toEqual([]);
      expect(underTest.standIn.translateRequests()).toEqual([]);
    });

    it.each([
      ['daily_quota', 'quota_exceeded', true],
      ['rate_limit', 'quota_exceeded', true],
      ['invalid_credentials', 'invalid_credentials', false],
      ['unsupported_language', 'unsupported_language', false],
      ['bad_request', 'bad_request', false],
      ['server_error', 'unavailable', true],
    ] as const)(
      'given the provider answers %p, then it fails as %p, retryable %p, after one request',
      async (failure: StandInFailure, reason, retryable) => {
        underTest.standIn.failNext(failure);

        const error = await failureOf(provider.translate({ texts: ['Привет'], target: 'en' }));

        expect({ reason: error.reason, retryable: error.retryable }).toEqual({ reason, retryable });
        expect(error.provider).toBe(provider.name);
        // No silent retries by the client library: the state shows at once.
        expect(underTest.standIn.translateRequests()).toHaveLength(1);
        // The next request succeeds again.
        await expect(provider.translate({ texts: ['Привет'], target: 'en' })).resolves.toEqual([
          { translation: '[en] Привет', detectedSource: 'ru' },
        ]);
      },
      TIMEOUT_MS,
    );

    it('given a provider that never answers, then it fails as a retryable timeout after the timeout', async () => {
      const quick = underTest.provider({ timeoutMs: 300 });
      underTest.standIn.failNext('hang');
      const started = Date.now();

      const error = await failureOf(quick.translate({ texts: ['Привет'], target: 'en' }));

      expect({ reason: error.reason, retryable: error.retryable }).toEqual({
        reason: 'timeout',
        retryable: true,
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it(
      'given no server at the address, then it fails as retryable unavailable',
      async () => {
        const error = await failureOf(
          underTest.unreachable().translate({ texts: ['Привет'], target: 'en' }),
        );

        expect({ reason: error.reason, retryable: error.retryable }).toEqual({
          reason: 'unavailable',
          retryable: true,
        });
      },
      TIMEOUT_MS,
    );

    it('states its batch limits', () => {
      expect(provider.limits.maxTexts).toBeGreaterThan(0);
      expect(provider.limits.maxChars).toBeGreaterThan(0);
    });
  });
};
