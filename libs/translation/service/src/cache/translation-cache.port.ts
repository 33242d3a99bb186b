import type { LanguageCode } from '@parley/translation-domain';

/** One cached translation: what the provider answered for a text. */
export interface CachedTranslation {
  readonly translation: string;
  readonly detectedSource: LanguageCode | null;
}

/** How long a translation stays cached unless the adapter is told otherwise. */
export const DEFAULT_TRANSLATION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Translations already paid for, keyed by `translationCacheKey` (provider, target, text hash).
 * Entries expire after the adapter's TTL. Redis in the services, shared by replicas; memory in
 * `npm start`.
 */
export interface TranslationCache {
  /** What it is, for logs and the health page. */
  readonly description: string;
  /** One answer per key, in order: the cached translation, or null for a miss. */
  getMany(keys: readonly string[]): Promise<(CachedTranslation | null)[]>;
  /** Stores each entry for the TTL, replacing what the key held. */
  setMany(entries: readonly { key: string; value: CachedTranslation }[]): Promise<void>;
}

/**
 * A cached value read back, checked (docs/style.md 19: Redis holds what any process wrote):
 * anything else than a CachedTranslation is a miss.
 */
export const parseCachedTranslation = (raw: string | null): CachedTranslation | null => {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { translation, detectedSource } = value as Record<string, unknown>;
  if (typeof translation !== 'string') return null;
  if (detectedSource !== null && typeof detectedSource !== 'string') return null;
  return { translation, detectedSource };
};
