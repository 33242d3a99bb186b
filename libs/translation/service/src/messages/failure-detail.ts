import type { TranslationFailureCode } from '@parley/contracts';

/** What each failure means, in words a manager can read beside the message. */
const MEANING: Readonly<Record<TranslationFailureCode, string>> = {
  not_configured: 'is not configured',
  quota_exceeded: 'has no quota left for now',
  rate_limited: 'is receiving too many requests',
  unavailable: 'cannot be reached or answered with a server error',
  timeout: 'did not answer in time',
  invalid_credentials: 'refused the credentials',
  unsupported_language: 'does not translate this language',
  bad_request: 'refused the request',
  model_not_found: 'has no such model',
  bad_response: 'gave an answer that could not be read',
};

/** The event fields' limit on a failure's detail. */
export const DETAIL_MAX = 1000;

/** `libretranslate cannot be reached or answered with a server error`. */
export const failureDetail = (who: string, reason: TranslationFailureCode): string =>
  `${who} ${MEANING[reason]}`;

/** A detail cut to what the event may carry. */
export const cutDetail = (detail: string): string =>
  detail.length <= DETAIL_MAX ? detail : `${detail.slice(0, DETAIL_MAX - 1)}…`;
