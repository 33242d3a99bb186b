import {
  failsEveryBatch,
  splitIntoBatches,
  translationCacheKey,
  type LanguageCode,
  type TranslationFailureReason,
} from '@parley/translation-domain';
import type {
  TranslatedText,
  TranslationProvider,
  TranslationRequest,
} from '../providers/translation-provider.port';
import { TranslationProviderError } from '../providers/translation-provider-error';
import type { TranslationCache } from './translation-cache.port';

/** What became of one text: its translation, or why it has none (a state the UI shows). */
export type TranslationOutcome =
  | {
      readonly status: 'translated';
      readonly translation: string;
      readonly detectedSource: LanguageCode | null;
      /** True when no provider request was spent on it. */
      readonly fromCache: boolean;
    }
  | {
      readonly status: 'failed';
      readonly reason: TranslationFailureReason;
      readonly retryable: boolean;
    };

export interface CachingTranslatorOptions {
  readonly provider: TranslationProvider;
  readonly cache: TranslationCache;
  /**
   * Told when the cache cannot be read or written. Translation goes on without it (a read
   * failure is a miss), so a Redis outage costs quota, not translations.
   */
  readonly onCacheError?: (error: unknown, operation: 'read' | 'write') => void;
}

/**
 * Translates a list of texts through a cache: looks every text up, sends only the misses to the
 * provider (each distinct text once, cut into batches within the provider's limits), stores what
 * comes back, and answers one outcome per text in input order. A failed batch fails its texts;
 * when the failure concerns the whole account (quota, credentials, provider down) the batches not
 * yet sent fail with it instead of being sent.
 */
export class CachingTranslator {
  constructor(private readonly options: CachingTranslatorOptions) {}

  async translate(request: TranslationRequest): Promise<TranslationOutcome[]> {
    const { provider } = this.options;
    const keys = request.texts.map((text) =>
      translationCacheKey(provider.name, request.target, text),
    );
    const outcomes = new Map<string, TranslationOutcome>();

    const toLookUp = [...new Set(keys.filter((_, i) => !isBlank(request.texts[i]!)))];
    const cached = await this.read(toLookUp);
    toLookUp.forEach((key, i) => {
      const hit = cached[i];
      if (hit) outcomes.set(key, { status: 'translated', ...hit, fromCache: true });
    });

    const missing = new Map<string, string>();
    request.texts.forEach((text, i) => {
      const key = keys[i]!;
      if (!isBlank(text) && !outcomes.has(key)) missing.set(key, text);
    });
    const missKeys = [...missing.keys()];
    const missTexts = [...missing.values()];

    let stopped: TranslationProviderError | undefined;
    for (const batch of splitIntoBatches(missTexts, provider.limits)) {
      const batchKeys = batch.map((i) => missKeys[i]!);
      if (stopped) {
        for (const key of batchKeys) outcomes.set(key, failed(stopped));
        continue;
      }
      try {
        const answers = await provider.translate({
          ...request,
          texts: batch.map((i) => missTexts[i]!),
        });
        batchKeys.forEach((key, j) => {
          outcomes.set(key, { status: 'translated', ...answers[j]!, fromCache: false });
        });
        await this.write(batchKeys.map((key, j) => ({ key, value: answers[j]! })));
      } catch (error) {
        const failure = asProviderError(provider.name, error);
        for (const key of batchKeys) outcomes.set(key, failed(failure));
        if (failsEveryBatch(failure.reason)) stopped = failure;
      }
    }

    return request.texts.map((text, i) =>
      isBlank(text)
        ? { status: 'translated', translation: text, detectedSource: null, fromCache: false }
        : outcomes.get(keys[i]!)!,
    );
  }

  private async read(keys: string[]) {
    if (keys.length === 0) return [];
    try {
      return await this.options.cache.getMany(keys);
    } catch (error) {
      this.options.onCacheError?.(error, 'read');
      return keys.map(() => null);
    }
  }

  private async write(entries: { key: string; value: TranslatedText }[]): Promise<void> {
    try {
      await this.options.cache.setMany(entries);
    } catch (error) {
      this.options.onCacheError?.(error, 'write');
    }
  }
}

/** Nothing to translate: sent back as written, never to the provider. */
const isBlank = (text: string): boolean => text.trim() === '';

const failed = (error: TranslationProviderError): TranslationOutcome => ({
  status: 'failed',
  reason: error.reason,
  retryable: error.retryable,
});

/** A provider that broke its port's promise and threw something else counts as unavailable. */
const asProviderError = (provider: string, error: unknown): TranslationProviderError =>
  error instanceof TranslationProviderError
    ? error
    : new TranslationProviderError(provider, 'unavailable', String(error), { cause: error });
