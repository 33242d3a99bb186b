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

/**
 * The request may have reached Telegram, but no answer came (a timeout, a connection cut after
 * sending): whether the client got the message is unknown. Never sent again on its own: recorded
 * as `unconfirmed` for a manager to check and resend.
 */
export interface UnconfirmedFailure {
  readonly kind: 'unconfirmed';
  readonly code: 'unconfirmed';
  readonly reason: string;
}

/** Something else (a bug, a bad event): rethrown as it is, the bus retries then dead-letters. */
export interface UnexpectedFailure {
  readonly kind: 'unexpected';
}

export type SendFailure =
  PermanentFailure | TransientFailure | UnconfirmedFailure | UnexpectedFailure;

/** Connection errors that happen before a request is sent: nothing can have been delivered. */
const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];

const neverSent = (cause: unknown): boolean => {
  const text = [
    (cause as { code?: unknown })?.code,
    (cause as { cause?: { code?: unknown } })?.cause?.code,
    cause instanceof Error ? cause.message : undefined,
  ]
    .filter((v): v is string => typeof v === 'string')
    .join(' ');
  // An HTTP status came back: the server answered, and an answer that is not `ok` sent nothing.
  const answered = typeof cause === 'object' && cause !== null && 'status' in cause;
  return answered || NOT_SENT_CODES.some((code) => text.includes(code));
};

/**
 * What a failed sendMessage means for the conversation (C4: error with a reason a manager can
 * read): `blocked`, `not_found` (chat not found), `too_long`, `file_too_big`, `rate_limited`,
 * `unavailable`, `unconfirmed`, `rejected` (anything else Telegram refused). Codes follow the
 * Bot API's error_code and description
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
          reason: `Chat not found: the client deleted it or never wrote to this bot (${description})`,
          retryable: false,
        };
      case error.error_code === 400 && /message is too long|text is too long/i.test(description):
        return {
          kind: 'failed',
          code: 'too_long',
          reason: `Telegram refused the text as too long (${description}): shorten it or send it in parts`,
          retryable: false,
        };
      case error.error_code === 413 || /file is too big|too large/i.test(description):
        return {
          kind: 'failed',
          code: 'file_too_big',
          reason: `The file is larger than Telegram takes from a bot (50 MB) (${description})`,
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
  if (error instanceof HttpError && !neverSent(error.error)) {
    const why = error.error instanceof Error ? error.error.message : error.message;
    return {
      kind: 'unconfirmed',
      code: 'unconfirmed',
      reason:
        `Telegram did not answer (${why}); it may have delivered the message, so it was not ` +
        'sent again: check the chat and resend if the client did not get it',
    };
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
