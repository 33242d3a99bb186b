import { hashPassword, verifyAgainstNobody, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('given a hashed password, then only that password verifies', async () => {
    const stored = await hashPassword('parley-manager');
    expect(await verifyPassword('parley-manager', stored)).toBe(true);
    expect(await verifyPassword('parley-managerX', stored)).toBe(false);
    expect(await verifyAgainstNobody('parley-manager')).toBe(false);
  });

  it('given the same password twice, then each hash has its own salt', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a.salt.equals(b.salt)).toBe(false);
    expect(a.hash.equals(b.hash)).toBe(false);
  });
});
