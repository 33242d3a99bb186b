import {
  conversionKeySecret,
  conversionRequestProblem,
  conversionSignature,
  newConversionKeyId,
} from './conversion-signature';

const secret = conversionKeySecret('s'.repeat(32), 'ws1', 'ck_1');
const body = Buffer.from('{"type":"registration","externalId":"r1","telegramId":"42"}');
const now = 1_800_000_000;
const signed = (overrides: Partial<Parameters<typeof conversionRequestProblem>[0]> = {}) => ({
  keyId: 'ck_1',
  timestamp: String(now),
  signature: conversionSignature(secret, String(now), body),
  body,
  ...overrides,
});
const secretOf = (keyId: string) => (keyId === 'ck_1' ? secret : null);

describe('conversion request signatures (A3)', () => {
  it('given a request signed with the live key within the window, then it is good', () => {
    expect(conversionRequestProblem(signed(), now + 299, secretOf)).toBeNull();
  });

  it('given a timestamp more than 5 minutes away either side, then it is refused as a replay', () => {
    expect(conversionRequestProblem(signed(), now + 301, secretOf)).toMatch(/5 minutes/);
    expect(conversionRequestProblem(signed(), now - 301, secretOf)).toMatch(/5 minutes/);
  });

  it('given one byte of the body changed, then the signature does not match', () => {
    const tampered = Buffer.from(body.toString().replace('r1', 'r2'));
    expect(conversionRequestProblem(signed({ body: tampered }), now, secretOf)).toMatch(
      /signature does not match/,
    );
  });

  it('given the signature of another timestamp, then it does not match', () => {
    const other = conversionSignature(secret, String(now - 10), body);
    expect(conversionRequestProblem(signed({ signature: other }), now, secretOf)).toMatch(
      /signature/,
    );
  });

  it('given an unknown or revoked key, then refused', () => {
    expect(conversionRequestProblem(signed({ keyId: 'ck_2' }), now, secretOf)).toMatch(
      /unknown or revoked/,
    );
  });

  it('given a missing header or a timestamp that is not whole seconds, then it says which', () => {
    expect(conversionRequestProblem(signed({ keyId: undefined }), now, secretOf)).toMatch(
      /parley-key/,
    );
    expect(conversionRequestProblem(signed({ signature: undefined }), now, secretOf)).toMatch(
      /parley-signature/,
    );
    expect(conversionRequestProblem(signed({ timestamp: '1.5' }), now, secretOf)).toMatch(
      /whole seconds/,
    );
  });

  it('given other workspaces or key ids, then the derived secrets differ', () => {
    const base = conversionKeySecret('s'.repeat(32), 'ws1', 'ck_1');
    expect(conversionKeySecret('s'.repeat(32), 'ws2', 'ck_1')).not.toBe(base);
    expect(conversionKeySecret('s'.repeat(32), 'ws1', 'ck_2')).not.toBe(base);
    expect(conversionKeySecret('t'.repeat(32), 'ws1', 'ck_1')).not.toBe(base);
    expect(newConversionKeyId()).toMatch(/^ck_[A-Za-z0-9_-]{16}$/);
  });
});
