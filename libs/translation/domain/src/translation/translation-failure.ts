/**
 * Why a translation failed, in words the UI shows (C2: a failed translation is visible, with a
 * retry where one can help).
 * - `quota_exceeded`: the provider's daily or per-minute quota is spent;
 * - `unavailable`: the provider cannot be reached or answered a server error;
 * - `timeout`: no answer in time;
 * - `invalid_credentials`: the API key or service account is refused;
 * - `unsupported_language`: the provider does not translate into or from that language;
 * - `bad_request`: the provider refused the request itself (too long, malformed).
 */
export type TranslationFailureReason =
  | 'quota_exceeded'
  | 'unavailable'
  | 'timeout'
  | 'invalid_credentials'
  | 'unsupported_language'
  | 'bad_request';

/**
 * Whether the same request may succeed later without anyone changing a setting: quotas refill,
 * servers come back; a refused key, an unsupported language or a refused request stay so.
 */
export const isRetryableFailure = (reason: TranslationFailureReason): boolean => {
  switch (reason) {
    case 'quota_exceeded':
    case 'unavailable':
    case 'timeout':
      return true;
    case 'invalid_credentials':
    case 'unsupported_language':
    case 'bad_request':
      return false;
    default: {
      const _exhaustive: never = reason;
      return _exhaustive;
    }
  }
};

/**
 * Whether a failure concerns the whole account or provider, so the other batches of the same
 * request would fail the same way and are not sent. Only a refused request is about its batch.
 */
export const failsEveryBatch = (reason: TranslationFailureReason): boolean =>
  reason !== 'bad_request';
