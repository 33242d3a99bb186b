import { secretTokenMatches } from './secret-token';

describe('webhook secret token (constant-time comparison)', () => {
  const secret = 'Secret_token-123';

  it('given the configured secret, when the same value arrives, then it matches', () => {
    expect(secretTokenMatches('Secret_token-123', secret)).toBe(true);
  });

  it('given the configured secret, when another value of any length arrives, then it does not match', () => {
    expect(secretTokenMatches('Secret_token-124', secret)).toBe(false);
    expect(secretTokenMatches('Secret', secret)).toBe(false);
    expect(secretTokenMatches(`${secret}x`, secret)).toBe(false);
    expect(secretTokenMatches('', secret)).toBe(false);
  });

  it('when the header is missing or repeated, then it does not match', () => {
    expect(secretTokenMatches(undefined, secret)).toBe(false);
    expect(secretTokenMatches([secret, secret], secret)).toBe(false);
  });

  it('given no configured secret, then nothing matches, not even an empty header', () => {
    expect(secretTokenMatches('', '')).toBe(false);
  });
});
