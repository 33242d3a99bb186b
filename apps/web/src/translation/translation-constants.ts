import type { TranslationFailureCode, TranslationProviderName } from '@parley/contracts';

/**
 * The contracts' translation constants, copied: the web app imports only types from
 * @parley/contracts (its runtime pulls in class-validator). translation-constants.unit.spec.ts
 * compares them with the contracts' values.
 */
export const TRANSLATION_PROVIDERS_SHOWN: readonly TranslationProviderName[] = [
  'google',
  'libretranslate',
];

/** Every reason a translation or an AI answer did not come (`TRANSLATION_FAILURE_REASONS`). */
export const TRANSLATION_FAILURE_REASONS_SHOWN: readonly TranslationFailureCode[] = [
  'not_configured',
  'quota_exceeded',
  'rate_limited',
  'unavailable',
  'timeout',
  'invalid_credentials',
  'unsupported_language',
  'bad_request',
  'model_not_found',
  'bad_response',
];

/** The team's language when an admin has not chosen one (`DEFAULT_TEAM_LANGUAGE`). */
export const DEFAULT_TEAM_LANGUAGE_SHOWN = 'en';

/** A language code as Parley keeps it (`LANGUAGE_CODE_PATTERN`): two or three small letters. */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;

export const isTranslationFailureCode = (value: unknown): value is TranslationFailureCode =>
  typeof value === 'string' &&
  (TRANSLATION_FAILURE_REASONS_SHOWN as readonly string[]).includes(value);
