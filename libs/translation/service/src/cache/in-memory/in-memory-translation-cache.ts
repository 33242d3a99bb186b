import {
  DEFAULT_TRANSLATION_TTL_MS,
  type CachedTranslation,
  type TranslationCache,
} from '../translation-cache.port';

export interface InMemoryTranslationCacheOptions {
  /** How many translations it keeps; past that, the least recently used goes. Default 10,000. */
  readonly maxEntries?: number;
  /** Default 30 days. */
  readonly ttlMs?: number;
  /** The clock, for specs. */
  readonly now?: () => number;
}

/**
 * The cache of `npm start`: bounded, least recently used out first, so a long-running process
 * never grows past `maxEntries`. A Map keeps insertion order; a hit is moved to the end.
 */
export class InMemoryTranslationCache implements TranslationCache {
  readonly description: string;
  private readonly entries = new Map<string, { value: CachedTranslation; expiresAt: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: InMemoryTranslationCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.ttlMs = options.ttlMs ?? DEFAULT_TRANSLATION_TTL_MS;
    this.now = options.now ?? Date.now;
    if (this.maxEntries < 1) throw new RangeError('maxEntries must be at least 1');
    this.description = `in memory (at most ${this.maxEntries} translations)`;
  }

  /** How many entries it holds, expired ones included until they are read or pushed out. */
  get size(): number {
    return this.entries.size;
  }

  async getMany(keys: readonly string[]): Promise<(CachedTranslation | null)[]> {
    const now = this.now();
    return keys.map((key) => {
      const entry = this.entries.get(key);
      if (!entry) return null;
      this.entries.delete(key);
      if (entry.expiresAt <= now) return null;
      this.entries.set(key, entry);
      return entry.value;
    });
  }

  async setMany(entries: readonly { key: string; value: CachedTranslation }[]): Promise<void> {
    const expiresAt = this.now() + this.ttlMs;
    for (const { key, value } of entries) {
      this.entries.delete(key);
      this.entries.set(key, { value: { ...value }, expiresAt });
      while (this.entries.size > this.maxEntries) {
        const oldest = this.entries.keys().next().value as string;
        this.entries.delete(oldest);
      }
    }
  }
}
