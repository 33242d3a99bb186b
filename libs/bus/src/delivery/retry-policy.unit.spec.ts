import { retryDelayMs, describeError } from '../index';

describe('retry policy', () => {
  it('doubles the backoff per retry, capped at 5 s', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, 100))).toEqual([100, 200, 400]);
    expect(retryDelayMs(20, 100)).toBe(5_000);
  });

  it('describes an error by name, message and first stack frame', () => {
    const text = describeError(new TypeError('bad value'));
    expect(text).toMatch(/^TypeError: bad value \| at /);
    expect(describeError({ status: 'error' })).toBe('non-error thrown: {"status":"error"}');
  });
});
