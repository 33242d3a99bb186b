import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import {
  TRANSLATION_TEXT_MAX,
  type TranslationFailureCode,
  type TranslationProviderName,
} from '@parley/contracts';
import type { LanguageCode } from '@parley/translation-domain';
import { HealthRegistry, SharedRedis } from '@parley/platform';
import { CachingTranslator } from '../cache/caching-translator';
import { InMemoryTranslationCache } from '../cache/in-memory/in-memory-translation-cache';
import { RedisTranslationCache } from '../cache/redis/redis-translation-cache';
import type { TranslationCache } from '../cache/translation-cache.port';
import { TRANSLATION_SERVICE_OPTIONS, type TranslationServiceOptions } from '../options';
import { GoogleTranslationProvider } from '../providers/google/google-translation-provider';
import { LibreTranslateProvider } from '../providers/libretranslate/libretranslate-provider';
import type { TranslationProvider } from '../providers/translation-provider.port';
import { failureDetail } from '../messages/failure-detail';

/** One text's translation, or why there is none (a state the UI shows). */
export type TextTranslation =
  | { readonly status: 'translated'; readonly text: string }
  | {
      readonly status: 'failed';
      readonly reason: TranslationFailureCode;
      readonly retryable: boolean;
      readonly detail: string;
    };

/** The longest translation an event carries. */
const TRANSLATED_TEXT_MAX = TRANSLATION_TEXT_MAX * 2;

/** The settings a provider needs in this process's environment, named in `not_configured`. */
const SETTINGS_OF: Readonly<Record<TranslationProviderName, string>> = {
  google: 'GOOGLE_TRANSLATE_API_KEY or GOOGLE_TRANSLATE_CREDENTIALS',
  libretranslate: 'LIBRETRANSLATE_URL',
};

/**
 * The translation providers this process can reach (the ones its environment configures), each
 * behind the shared cache. A workspace chooses its provider in its settings; a provider chosen
 * there but not configured here is `null` (the caller records `not_configured`). The cache is
 * Redis (REDIS_URL, checked by the health registry as `translation-cache`) or this process's
 * memory.
 */
@Injectable()
export class Translators implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Translators');
  private readonly redis: SharedRedis | null;
  private readonly translators: ReadonlyMap<TranslationProviderName, CachingTranslator>;

  constructor(
    @Inject(TRANSLATION_SERVICE_OPTIONS) options: TranslationServiceOptions,
    @Optional() @Inject(HealthRegistry) private readonly health?: HealthRegistry,
  ) {
    this.redis =
      options.cache.kind === 'redis'
        ? new SharedRedis(options.cache.redisUrl, {
            healthName: 'translation-cache',
            purpose: 'translation cache',
            loggerName: 'TranslationCache',
            whenDown: 'translations go to the provider uncached',
          })
        : null;
    const cache: TranslationCache =
      options.cache.kind === 'redis' && this.redis?.client
        ? new RedisTranslationCache({
            redis: this.redis.client,
            ...(options.cache.keyPrefix ? { keyPrefix: options.cache.keyPrefix } : {}),
          })
        : new InMemoryTranslationCache();
    const providers: [TranslationProviderName, TranslationProvider | null][] = [
      ['google', options.google ? new GoogleTranslationProvider(options.google) : null],
      [
        'libretranslate',
        options.libretranslate ? new LibreTranslateProvider(options.libretranslate) : null,
      ],
    ];
    this.translators = new Map(
      providers.flatMap(([name, provider]) =>
        provider
          ? [
              [
                name,
                new CachingTranslator({
                  provider,
                  cache,
                  onCacheError: (error, operation) =>
                    this.logger.warn(`translation cache ${operation} failed: ${String(error)}`),
                }),
              ] as const,
            ]
          : [],
      ),
    );
  }

  /** The provider's translator, or null when this process has no settings for it. */
  for(provider: TranslationProviderName): CachingTranslator | null {
    return this.translators.get(provider) ?? null;
  }

  /**
   * One text from `from` into `to` through the provider and the cache. Never throws for the
   * provider: a provider this process has no settings for is `not_configured`, its failures are
   * failed outcomes.
   */
  async translate(
    provider: TranslationProviderName,
    text: string,
    from: LanguageCode,
    to: LanguageCode,
  ): Promise<TextTranslation> {
    const translator = this.for(provider);
    if (!translator) {
      return {
        status: 'failed',
        reason: 'not_configured',
        retryable: false,
        detail: `${provider} is chosen for this workspace, but the translation service has no settings for it (${SETTINGS_OF[provider]})`,
      };
    }
    const [outcome] = await translator.translate({ texts: [text], target: to, source: from });
    if (outcome?.status === 'translated') {
      // A translation may run longer than its original, up to what the events carry.
      return { status: 'translated', text: outcome.translation.slice(0, TRANSLATED_TEXT_MAX) };
    }
    const reason = outcome?.reason ?? 'unavailable';
    return {
      status: 'failed',
      reason,
      retryable: outcome?.retryable ?? true,
      detail: failureDetail(provider, reason),
    };
  }

  onModuleInit(): void {
    this.redis?.registerHealth(this.health);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.close();
  }
}
