import type { PermanentFailure } from './delivery-failure';

/**
 * The longest text one Telegram message takes (https://core.telegram.org/bots/api#sendmessage:
 * "1-4096 characters after entities parsing"). Counted in UTF-16 code units, as the gateway's
 * validation and Telegram's entity offsets count.
 */
export const TELEGRAM_TEXT_LIMIT = 4096;

/** A text Telegram would refuse for its length, refused before the Bot API is called; else null. */
export const tooLongForTelegram = (text: string): PermanentFailure | null =>
  text.length <= TELEGRAM_TEXT_LIMIT
    ? null
    : {
        kind: 'failed',
        code: 'too_long',
        reason:
          `The message has ${text.length.toLocaleString('en')} characters; Telegram takes at most ` +
          `${TELEGRAM_TEXT_LIMIT.toLocaleString('en')} in one message: shorten it or send it in parts`,
        retryable: false,
      };
