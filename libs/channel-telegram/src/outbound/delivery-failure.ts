import { GrammyError, HttpError } from 'grammy';

/** A send that will not succeed by trying again: recorded as Channel.MessageDeliveryFailed. */
export interface PermanentFailure {
  readonly kind: 'failed';
  readonly code: string;
  readonly reason: string;
  readonly retryable: boolean;
}

/** A send that may succeed later: the handler throws so the bus retries (bounded). */
export interface TransientFailure {
  readonly kind: 'retry';
  /** What to record once the bus's attempts are used up. */
  readonly code: 'rate_limited' | 'unavailable';
  readonly reason: string;
  /** Telegram's `retry_after` (429), in ms; 0 when it gave none. */
  readonly retryAfterMs: number;
}

/** Something else (a bug, a bad event): rethrown as it is, the bus retries then dead-letters. */
export interface UnexpectedFailure {
  readonly kind: 'unexpected';
}

export type SendFailure = PermanentFailure | TransientFailure | UnexpectedFailure;

/**
 * What a failed sendMessage means for the conversation (C4: error with a reason a manager can
 * read). Codes follow the Bot API's error_code and description
 * (https://core.telegram.org/bots/api#making-requests, "Forbidden: bot was blocked by the user",
 * "Bad Request: chat not found", 429 with parameters.retry_after).
 */
export const classifySendFailure = (error: unknown): SendFailure => {
  if (error instanceof GrammyError) {
    const description = error.description;
    switch (true) {
      case error.error_code === 403:
        return {
          kind: 'failed',
          code: 'blocked',
          reason: /blocked/i.test(description)
            ? `The client blocked the bot (${description})`
            : `The bot may not write to this chat (${description})`,
          retryable: false,
        };
      case error.error_code === 400 && /chat not found/i.test(description):
        return {
          kind: 'failed',
          code: 'not_found',
          reason: `The chat does not exist or never talked to the bot (${description})`,
          retryable: false,
        };
      case error.error_code === 429:
        return {
          kind: 'retry',
          code: 'rate_limited',
          reason: `Telegram asked to slow down (${description})`,
          retryAfterMs: (error.parameters.retry_after ?? 0) * 1000,
        };
      case error.error_code >= 500:
        return {
          kind: 'retry',
          code: 'unavailable',
          reason: `Telegram is unavailable (${description})`,
          retryAfterMs: 0,
        };
      default:
        return {
          kind: 'failed',
          code: 'rejected',
          reason: `Telegram refused the message (${error.error_code}: ${description})`,
          retryable: false,
        };
    }
  }
  if (error instanceof HttpError) {
    return {
      kind: 'retry',
      code: 'unavailable',
      reason: `Telegram could not be reached (${error.message})`,
      retryAfterMs: 0,
    };
  }
  return { kind: 'unexpected' };
};
