import { createHash } from 'node:crypto';
import type { LanguageCode } from './language-code';

/** Bump when the cached value's shape or the key's parts change: old entries are then ignored. */
const KEY_VERSION = 'v1';

/**
 * The cache key of one translation: the provider (two providers translate differently), the
 * target language, and a SHA-256 of the text (texts are long and private; a hash keeps them out
 * of key listings). The source language is not part of it: providers detect it from the text, so
 * the same text gives the same translation whatever the caller guessed.
 */
export const translationCacheKey = (
  provider: string,
  target: LanguageCode,
  text: string,
): string => {
  const hash = createHash('sha256').update(text, 'utf8').digest('base64url');
  return `translation:${KEY_VERSION}:${provider}:${target}:${hash}`;
};
