import type { Redis } from 'ioredis';
import {
  DEFAULT_TRANSLATION_TTL_MS,
  parseCachedTranslation,
  type CachedTranslation,
  type TranslationCache,
} from '../translation-cache.port';

export interface RedisTranslationCacheOptions {
  /** A connected client; the cache does not close it (the process owns its Redis clients). */
  readonly redis: Redis;
  /** Put before every key: `parley:` in the services, a random one per spec run. */
  readonly keyPrefix?: string;
  /** Default 30 days. */
  readonly ttlMs?: number;
}

/**
 * Translations in Redis, shared by every replica of the translation service: one MGET per
 * lookup, one pipeline of `SET key value PX ttl` per store. Values are JSON, checked on read.
 */
export class RedisTranslationCache implements TranslationCache {
  readonly description: string;
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly ttlMs: number;

  constructor(options: RedisTranslationCacheOptions) {
    this.redis = options.redis;
    this.prefix = options.keyPrefix ?? 'parley:';
    this.ttlMs = options.ttlMs ?? DEFAULT_TRANSLATION_TTL_MS;
    this.description = `Redis at ${options.redis.options.host ?? '?'}:${options.redis.options.port ?? '?'}, keys ${this.prefix}translation:*`;
  }

  async getMany(keys: readonly string[]): Promise<(CachedTranslation | null)[]> {
    if (keys.length === 0) return [];
    const values = await this.redis.mget(keys.map((key) => this.prefix + key));
    return values.map(parseCachedTranslation);
  }

  async setMany(entries: readonly { key: string; value: CachedTranslation }[]): Promise<void> {
    if (entries.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const { key, value } of entries) {
      const stored: CachedTranslation = {
        translation: value.translation,
        detectedSource: value.detectedSource,
      };
      pipeline.set(this.prefix + key, JSON.stringify(stored), 'PX', this.ttlMs);
    }
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error !== null);
    if (failed) throw failed[0];
  }
}
