import { scryptSync } from 'node:crypto';
import {
  CURRENT_SCRYPT,
  decodePasswordHash,
  encodePasswordHash,
  hashPassword,
  LEGACY_SCRYPT,
  needsRehash,
  verifyAgainstNobody,
  verifyPassword,
} from './password-hash';

describe('password hashing', () => {
  it("given the current parameters, then they are one of OWASP's scrypt configurations, N=2^14, r=8, p=5", () => {
    expect(CURRENT_SCRYPT).toEqual({ N: 16_384, r: 8, p: 5 });
  });

  it('given a hashed password, then only that password verifies, and the hash names its parameters', async () => {
    const stored = await hashPassword('parley-manager');
    expect(stored.params).toEqual(CURRENT_SCRYPT);
    expect(await verifyPassword('parley-manager', stored)).toBe(true);
    expect(await verifyPassword('parley-managerX', stored)).toBe(false);
    expect(await verifyAgainstNobody('parley-manager')).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('given the same password twice, then each hash has its own salt', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a.salt.equals(b.salt)).toBe(false);
    expect(a.hash.equals(b.hash)).toBe(false);
  });

  it('given a hash from before the parameters were recorded (Node defaults), then it still verifies and asks to be rehashed', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const legacy = { salt, hash: scryptSync('old-password', salt, 64) };

    expect(await verifyPassword('old-password', legacy)).toBe(true);
    expect(await verifyPassword('new-password', legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
    expect(needsRehash({ ...legacy, params: LEGACY_SCRYPT })).toBe(true);
  });

  it('given a hash with parameters of its own, then it verifies at those parameters', async () => {
    const params = { N: 2 ** 15, r: 8, p: 2 };
    const stored = await hashPassword('pw-with-own-params', params);

    expect(stored.params).toEqual(params);
    expect(await verifyPassword('pw-with-own-params', stored)).toBe(true);
    expect(needsRehash(stored)).toBe(true);
  });

  it('given a stored hash as text, then it decodes to the same hash and parameters, and junk decodes to null', async () => {
    const stored = await hashPassword('round-trip', { N: 2 ** 14, r: 8, p: 1 });
    const text = encodePasswordHash(stored);

    expect(text).toMatch(/^\$scrypt\$ln=14,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    const decoded = decodePasswordHash(text)!;
    expect(decoded.params).toEqual(stored.params);
    expect(decoded.salt.equals(stored.salt) && decoded.hash.equals(stored.hash)).toBe(true);
    expect(await verifyPassword('round-trip', decoded)).toBe(true);
    for (const junk of ['', 'scrypt', '$scrypt$ln=x,r=8,p=1$a$b', '$bcrypt$10$abc'])
      expect(decodePasswordHash(junk)).toBeNull();
  });
});
