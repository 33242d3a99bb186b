import { GrammyError, HttpError } from 'grammy';
import { classifySendFailure } from './delivery-failure';

const telegramError = (error_code: number, description: string, retry_after?: number) =>
  new GrammyError(
    "Call to 'sendMessage' failed!",
    { ok: false, error_code, description, ...(retry_after && { parameters: { retry_after } }) },
    'sendMessage',
    {},
  );

describe('sendMessage failure classification', () => {
  it('403 blocked → failed "blocked" with a reason a manager can read', () => {
    expect(
      classifySendFailure(telegramError(403, 'Forbidden: bot was blocked by the user')),
    ).toEqual({
      kind: 'failed',
      code: 'blocked',
      reason: 'The client blocked the bot (Forbidden: bot was blocked by the user)',
      retryable: false,
    });
  });

  it('400 chat not found → failed "not_found"', () => {
    expect(classifySendFailure(telegramError(400, 'Bad Request: chat not found'))).toMatchObject({
      kind: 'failed',
      code: 'not_found',
      retryable: false,
    });
  });

  it('another 400 → failed "rejected" naming Telegram\'s description', () => {
    expect(
      classifySendFailure(telegramError(400, "Bad Request: can't parse entities")),
    ).toMatchObject({
      kind: 'failed',
      code: 'rejected',
      reason: expect.stringContaining("can't parse entities"),
    });
  });

  it('400 message is too long → failed "too_long", not retryable', () => {
    expect(
      classifySendFailure(telegramError(400, 'Bad Request: message is too long')),
    ).toMatchObject({ kind: 'failed', code: 'too_long', retryable: false });
  });

  it('413 or "file is too big" → failed "file_too_big" naming Telegram\'s 50 MB', () => {
    for (const error of [
      telegramError(413, 'Request Entity Too Large'),
      telegramError(400, 'Bad Request: file is too big'),
    ]) {
      expect(classifySendFailure(error)).toMatchObject({
        kind: 'failed',
        code: 'file_too_big',
        reason: expect.stringContaining('50 MB'),
        retryable: false,
      });
    }
  });

  it('429 → retry, rate_limited, honouring retry_after', () => {
    expect(
      classifySendFailure(telegramError(429, 'Too Many Requests: retry after 3', 3)),
    ).toMatchObject({
      kind: 'retry',
      code: 'rate_limited',
      retryAfterMs: 3000,
    });
  });

  it('5xx and network errors → retry, unavailable', () => {
    expect(classifySendFailure(telegramError(502, 'Bad Gateway'))).toMatchObject({
      kind: 'retry',
      code: 'unavailable',
    });
    expect(
      classifySendFailure(
        new HttpError("Network request for 'sendMessage' failed!", new Error('ECONNREFUSED')),
      ),
    ).toMatchObject({ kind: 'retry', code: 'unavailable', retryAfterMs: 0 });
  });

  it('a request that timed out or was cut after sending → unconfirmed, never retried', () => {
    for (const cause of [
      new Error("Request to 'sendMessage' timed out after 10 seconds"),
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    ]) {
      const failure = classifySendFailure(
        new HttpError("Network request for 'sendMessage' failed!", cause),
      );
      expect(failure).toMatchObject({ kind: 'unconfirmed', code: 'unconfirmed' });
      expect((failure as { reason: string }).reason).toContain(cause.message);
    }
  });

  it('a connection refused before sending, or an HTTP answer, → retry: nothing was delivered', () => {
    const refused = Object.assign(new Error('connect failed'), {
      cause: { code: 'ECONNREFUSED' },
    });
    const answered = { status: 502, statusText: 'Bad Gateway' };
    for (const cause of [refused, answered]) {
      expect(
        classifySendFailure(new HttpError("Network request for 'sendMessage' failed!", cause)),
      ).toMatchObject({ kind: 'retry', code: 'unavailable' });
    }
  });

  it('anything else is unexpected (rethrown to the bus as it is)', () => {
    expect(classifySendFailure(new TypeError('bug'))).toEqual({ kind: 'unexpected' });
  });
});
