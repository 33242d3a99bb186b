import { TELEGRAM_TEXT_LIMIT, tooLongForTelegram } from './text-limit';

describe('Telegram text limit', () => {
  it('given 4,096 characters, then it may be sent', () => {
    expect(tooLongForTelegram('a'.repeat(TELEGRAM_TEXT_LIMIT))).toBeNull();
  });

  it('given 4,097 characters, then it is refused with its length and the limit', () => {
    expect(tooLongForTelegram('a'.repeat(4097))).toEqual({
      kind: 'failed',
      code: 'too_long',
      reason:
        'The message has 4,097 characters; Telegram takes at most 4,096 in one message: ' +
        'shorten it or send it in parts',
      retryable: false,
    });
  });

  it('given emoji, then each counts as Telegram counts it (two UTF-16 units)', () => {
    expect(tooLongForTelegram('😀'.repeat(2048))).toBeNull();
    expect(tooLongForTelegram('😀'.repeat(2049))?.code).toBe('too_long');
  });
});
