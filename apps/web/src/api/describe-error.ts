import type { Translate } from '../i18n/translate';
import { ApiError } from './api-error';

/** What to tell the manager about a failed call: the gateway's reason when it gave one. */
export const describeError = (error: unknown, t: Translate): string => {
  if (error instanceof ApiError) {
    if (error.isNetworkError) return t('error.network');
    if (error.serverMessage) return error.serverMessage;
    return t('error.unknown', { status: error.status });
  }
  return t('error.unknown', { status: '?' });
};
