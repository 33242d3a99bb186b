import { randomUUID } from 'node:crypto';
import type { SignInLimiter, SignInLimits } from '../sign-in-limiter';

/**
 * What the sign-in limits do, on every counter store (memory, Redis). `openLimiter` gives a
 * limiter with the given limits; addresses and emails are fresh per test, so a shared Redis needs
 * no cleaning.
 */
export const describeSignInLimiterContract = (
  store: string,
  openLimiter: (limits: SignInLimits) => Promise<SignInLimiter>,
): void => {
  describe(`sign-in limits (${store})`, () => {
    const limits: SignInLimits = {
      failuresPerAddress: 4,
      failuresPerAccount: 2,
      windowSeconds: 900,
    };
    const email = (): string => `${randomUUID()}@parley.test`;
    let address = '';

    beforeEach(() => {
      // A random address in 10.0.0.0/8 per test, so runs on a shared Redis never meet.
      const b = randomUUID().replace(/-/g, '');
      address = `10.${parseInt(b.slice(0, 2), 16)}.${parseInt(b.slice(2, 4), 16)}.${parseInt(b.slice(4, 6), 16)}`;
    });

    it('given an account with as many failures as its limit, then the next attempt is refused for the whole window', async () => {
      const limiter = await openLimiter(limits);
      const who = email();
      expect(await limiter.attempt(address, who)).toEqual({ allowed: true });
      expect(await limiter.attempt(address, who)).toEqual({ allowed: true });

      const refused = await limiter.attempt(address, who);

      expect(refused).toEqual({
        allowed: false,
        limit: 'account',
        retryAfterSeconds: expect.any(Number),
      });
      expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(890);
      expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(900);
    });

    it('given failures on an account, when a sign-in succeeds, then the account starts again from nothing', async () => {
      const limiter = await openLimiter(limits);
      const who = email();
      await limiter.attempt(address, who);
      await limiter.attempt(address, who);
      await limiter.succeeded(address, who);

      expect(await limiter.attempt(address, who)).toEqual({ allowed: true });
      expect(await limiter.attempt(address, who)).toEqual({ allowed: true });
      expect((await limiter.attempt(address, who)).allowed).toBe(false);
    });

    it('given one address failing on many accounts, then it is refused after its limit, while another address is not', async () => {
      const limiter = await openLimiter(limits);
      for (let i = 0; i < limits.failuresPerAddress; i += 1)
        expect(await limiter.attempt(address, email())).toEqual({ allowed: true });

      const refused = await limiter.attempt(address, email());

      expect(refused).toMatchObject({ allowed: false, limit: 'address' });
      expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
      expect(await limiter.attempt('192.0.2.200', email())).toEqual({ allowed: true });
    });

    it('given attempts refused for their account, then they cost the address nothing', async () => {
      const limiter = await openLimiter(limits);
      const who = email();
      await limiter.attempt(address, who);
      await limiter.attempt(address, who);
      for (let i = 0; i < limits.failuresPerAddress; i += 1)
        expect(await limiter.attempt(address, who)).toMatchObject({ limit: 'account' });

      expect(await limiter.attempt(address, email())).toEqual({ allowed: true });
    });

    it('given successful sign-ins from one address, then they cost the address nothing', async () => {
      const limiter = await openLimiter(limits);
      const who = email();
      for (let i = 0; i < limits.failuresPerAddress * 2; i += 1) {
        expect(await limiter.attempt(address, who)).toEqual({ allowed: true });
        await limiter.succeeded(address, who);
      }
    });

    it('given an email in another case or with spaces, then it is the same account', async () => {
      const limiter = await openLimiter(limits);
      const who = email();
      await limiter.attempt(address, who.toUpperCase());
      await limiter.attempt(address, `  ${who} `);

      expect(await limiter.attempt(address, who)).toMatchObject({
        allowed: false,
        limit: 'account',
      });
    });

    it('given attempts that were not checked, then they are given back', async () => {
      const limiter = await openLimiter(limits);
      const who = email();
      for (let i = 0; i < 5; i += 1) {
        expect(await limiter.attempt(address, who)).toEqual({ allowed: true });
        await limiter.notChecked(address, who);
      }
    });
  });
};
