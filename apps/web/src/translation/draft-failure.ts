import { ApiError } from '../api/api-error';
import { describeError } from '../api/describe-error';
import type { Translate } from '../i18n/translate';
import { failureReasonKey } from './failure-reasons';
import { isTranslationFailureCode } from './translation-constants';

/**
 * What to tell the manager when a preview, an AI reply or a summary was refused: the reason in
 * the UI's words when the gateway named one (`DraftFailure.reason`), else its own message.
 */
export const draftFailureText = (error: unknown, t: Translate): string =>
  error instanceof ApiError && isTranslationFailureCode(error.reason)
    ? t(failureReasonKey(error.reason))
    : describeError(error, t);
