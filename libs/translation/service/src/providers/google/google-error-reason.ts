import type { TranslationFailureReason } from '@parley/translation-domain';

/** The fields of the Google client's `ApiError` (and of Node's network errors) read here. */
interface GoogleErrorFields {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly errors?: readonly { readonly reason?: unknown; readonly message?: unknown }[];
}

/** The v2 `errors[].reason` values that mean a quota is spent (daily, per user, per project). */
const QUOTA_REASONS = new Set([
  'dailyLimitExceeded',
  'dailyLimitExceededUnreg',
  'userRateLimitExceeded',
  'rateLimitExceeded',
  'quotaExceeded',
]);

/** Node's codes for a server that cannot be reached or dropped the connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/**
 * What a failure of Google's v2 API means for the UI. The v2 API answers
 * `{"error": {"code", "message", "errors": [{"reason", "domain", "message"}]}}`: 403 with
 * `dailyLimitExceeded` or `userRateLimitExceeded`, or 429 `rateLimitExceeded`, for a spent quota;
 * 400 "API key not valid" or 401/403 otherwise for refused credentials; 400 "Invalid Value" or
 * "Bad language pair" for a language it does not translate (the request's only free values are
 * the languages); 5xx when it is down.
 */
export const googleErrorReason = (error: unknown): TranslationFailureReason => {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as GoogleErrorFields;
  const status = typeof fields.code === 'number' ? fields.code : undefined;
  const reasons = (fields.errors ?? []).map((e) => String(e.reason ?? ''));
  const message = [fields.message, ...(fields.errors ?? []).map((e) => e.message)].join(' ');

  if (status === undefined) {
    return typeof fields.code === 'string' && fields.code === 'ETIMEDOUT'
      ? 'timeout'
      : 'unavailable';
  }
  if (status === 429 || reasons.some((reason) => QUOTA_REASONS.has(reason))) {
    return 'quota_exceeded';
  }
  if (status === 401 || status === 403) return 'invalid_credentials';
  if (status === 400) {
    if (/api key not valid|API_KEY_INVALID|keyInvalid/i.test(message + reasons.join(' '))) {
      return 'invalid_credentials';
    }
    if (/invalid value|language pair|target language|source language/i.test(message)) {
      return 'unsupported_language';
    }
    return 'bad_request';
  }
  if (status === 408) return 'timeout';
  if (status >= 500) return 'unavailable';
  return 'bad_request';
};

/** Whether a Node network code says the server cannot be reached (for the error's detail). */
export const isNetworkFailure = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  NETWORK_CODES.has(String((error as { code?: unknown }).code));
