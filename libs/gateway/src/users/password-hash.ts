import { randomBytes, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto';

const KEY_LENGTH = 64;

export interface PasswordHash {
  readonly salt: Buffer;
  readonly hash: Buffer;
}

const derive = (password: BinaryLike, salt: Buffer): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, (error, key) => (error ? reject(error) : resolve(key))),
  );

/** scrypt with a salt of its own per password. */
export const hashPassword = async (password: string): Promise<PasswordHash> => {
  const salt = randomBytes(16);
  return { salt, hash: await derive(password, salt) };
};

/** Constant-time comparison of the derived keys. */
export const verifyPassword = async (password: string, stored: PasswordHash): Promise<boolean> => {
  const candidate = await derive(password, stored.salt);
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
};

/**
 * Spend the same work as a real verification, for an email nobody has: the answer time does
 * not tell which emails exist.
 */
export const verifyAgainstNobody = async (password: string): Promise<false> => {
  await derive(password, NOBODY_SALT);
  return false;
};

const NOBODY_SALT = randomBytes(16);
