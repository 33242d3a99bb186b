import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { addressKey } from './client-address';

export interface SignInLimits {
  /** Failed attempts one client address may have per window, whatever the accounts. */
  readonly failuresPerAddress: number;
  /** Failed attempts one account (email) may have per window; a success clears them. */
  readonly failuresPerAccount: number;
  /** The window, and how long an account over its limit waits. */
  readonly windowSeconds: number;
}

/** May this attempt go on to the password check? If not, for how long must the client wait. */
export type SignInVerdict =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly limit: 'address' | 'account';
      readonly retryAfterSeconds: number;
    };

/**
 * Sign-in limits per client address and per account, counted by rate-limiter-flexible: in Redis
 * when a client is given (every gateway replica shares the counters; if Redis fails, each
 * process counts in its own memory until it is back), else in this process's memory.
 *
 * An attempt first takes a point from its address, then one from its account, both before the
 * password is hashed, so attempts in flight count too (a flood cannot slip past the limit while
 * the hashes run); a success gives the address its point back and clears the account. Accounts are counted by a hash of the normalised email, unknown emails alike, so the
 * limits tell nothing about which accounts exist and Redis holds no addresses of users.
 */
export class SignInLimiter {
  private readonly byAddress: RateLimiterAbstract;
  private readonly byAccount: RateLimiterAbstract;

  constructor(limits: SignInLimits, redis: Redis | null, keyPrefix = 'parley:') {
    const address = {
      keyPrefix: `${keyPrefix}sign-in:address`,
      points: limits.failuresPerAddress,
      duration: limits.windowSeconds,
    };
    const account = {
      keyPrefix: `${keyPrefix}sign-in:account`,
      points: limits.failuresPerAccount,
      duration: limits.windowSeconds,
      blockDuration: limits.windowSeconds,
    };
    this.byAddress = redis
      ? new RateLimiterRedis({
          ...address,
          storeClient: redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory(address),
        })
      : new RateLimiterMemory(address);
    this.byAccount = redis
      ? new RateLimiterRedis({
          ...account,
          storeClient: redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory(account),
        })
      : new RateLimiterMemory(account);
  }

  /** Count an attempt from `address` on `email`, before its password is checked. */
  async attempt(address: string | undefined, email: string): Promise<SignInVerdict> {
    const overAddress = await consume(this.byAddress, addressKey(address));
    if (overAddress !== null)
      return { allowed: false, limit: 'address', retryAfterSeconds: overAddress };
    const overAccount = await consume(this.byAccount, accountKey(email));
    if (overAccount !== null) {
      // Refused before any password check: no failure of the address's.
      await this.byAddress.reward(addressKey(address), 1);
      return { allowed: false, limit: 'account', retryAfterSeconds: overAccount };
    }
    return { allowed: true };
  }

  /** The password was right: the attempt was no failure, and the account's failures are forgotten. */
  async succeeded(address: string | undefined, email: string): Promise<void> {
    await Promise.all([
      this.byAddress.reward(addressKey(address), 1),
      this.byAccount.delete(accountKey(email)),
    ]);
  }

  /** The attempt was not checked after all (no hashing slot): both points go back. */
  async notChecked(address: string | undefined, email: string): Promise<void> {
    await Promise.all([
      this.byAddress.reward(addressKey(address), 1),
      this.byAccount.reward(accountKey(email), 1),
    ]);
  }
}

const accountKey = (email: string): string =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 32);

/** null when the point was taken; the seconds to wait when the key is over its limit. */
const consume = async (limiter: RateLimiterAbstract, key: string): Promise<number | null> => {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes)
      return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
};
