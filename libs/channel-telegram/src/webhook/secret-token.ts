import { createHash, timingSafeEqual } from 'node:crypto';

/** The header Telegram sends the webhook's `secret_token` in. */
export const SECRET_TOKEN_HEADER = 'x-telegram-bot-api-secret-token';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether the received header equals the configured secret, in constant time: both sides are
 * hashed to 32 bytes first, so neither the content nor the length leaks through timing
 * (grammY's own webhook helper compares with `!==`). A missing or repeated header never matches.
 */
export const secretTokenMatches = (
  received: string | readonly string[] | undefined,
  expected: string,
): boolean => {
  if (typeof received !== 'string' || expected.length === 0) return false;
  return timingSafeEqual(digest(received), digest(expected));
};
