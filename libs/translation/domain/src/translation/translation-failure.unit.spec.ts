import { failsEveryBatch, isRetryableFailure } from './translation-failure';

describe('translation failures', () => {
  it.each([
    ['quota_exceeded', true],
    ['unavailable', true],
    ['timeout', true],
    ['invalid_credentials', false],
    ['unsupported_language', false],
    ['bad_request', false],
  ] as const)('given %p, then retryable is %p', (reason, retryable) => {
    expect(isRetryableFailure(reason)).toBe(retryable);
  });

  it('given a refused request, then only its batch fails; any other failure stops the rest', () => {
    expect(failsEveryBatch('bad_request')).toBe(false);
    expect(failsEveryBatch('quota_exceeded')).toBe(true);
    expect(failsEveryBatch('invalid_credentials')).toBe(true);
  });
});
