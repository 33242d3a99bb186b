import { isRetryableFailure, type TranslationFailureReason } from '@parley/translation-domain';

/**
 * A provider's failure, as every adapter reports it: a reason the UI can show and whether a retry
 * may help. The message says what the provider answered, never the key.
 */
export class TranslationProviderError extends Error {
  override readonly name = 'TranslationProviderError';
  readonly retryable: boolean;

  constructor(
    readonly provider: string,
    readonly reason: TranslationFailureReason,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${provider}: ${reason}: ${detail}`, options);
    this.retryable = isRetryableFailure(reason);
  }
}
