import type { TranslationFailureCode } from '@parley/contracts';
import type { TranslationMessageKey } from '../i18n/translation-en';

/**
 * Why a translation or an AI answer did not come, in plain words: the dictionary key of each
 * reason the translation service reports (`TRANSLATION_FAILURE_REASONS`).
 */
export const failureReasonKey = (reason: TranslationFailureCode): TranslationMessageKey => {
  switch (reason) {
    case 'not_configured':
      return 'translation.failure.not_configured';
    case 'quota_exceeded':
      return 'translation.failure.quota_exceeded';
    case 'rate_limited':
      return 'translation.failure.rate_limited';
    case 'unavailable':
      return 'translation.failure.unavailable';
    case 'timeout':
      return 'translation.failure.timeout';
    case 'invalid_credentials':
      return 'translation.failure.invalid_credentials';
    case 'unsupported_language':
      return 'translation.failure.unsupported_language';
    case 'bad_request':
      return 'translation.failure.bad_request';
    case 'model_not_found':
      return 'translation.failure.model_not_found';
    case 'bad_response':
      return 'translation.failure.bad_response';
    default: {
      const _exhaustive: never = reason;
      return _exhaustive;
    }
  }
};
