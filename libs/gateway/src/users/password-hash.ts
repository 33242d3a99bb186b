import { randomBytes, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto';

/** scrypt's cost parameters: N (CPU and memory cost, a power of two), r (block size), p. */
export interface ScryptParameters {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * One of the OWASP Password Storage Cheat Sheet's equivalent scrypt configurations: N=2^14,
 * r=8, p=5 (the sheet lists it beside N=2^17, r=8, p=1 as equally strong). Chosen for its
 * 16 MiB per hash instead of 128 MiB, so a gateway under a burst of sign-ins stays within its
 * memory budget; the work is the same (about half a second per hash on one core here).
 */
export const CURRENT_SCRYPT: ScryptParameters = { N: 2 ** 14, r: 8, p: 5 };

/** What hashes made before the parameters were recorded used: Node's defaults. */
export const LEGACY_SCRYPT: ScryptParameters = { N: 2 ** 14, r: 8, p: 1 };

const KEY_LENGTH = 64;
const SALT_LENGTH = 16;

/**
 * A stored password: the salt, the derived key and the parameters it was derived with, so a hash
 * keeps verifying after the recommendation moves on. `params` is absent on hashes from before it
 * was recorded; those used LEGACY_SCRYPT.
 */
export interface PasswordHash {
  readonly salt: Buffer;
  readonly hash: Buffer;
  readonly params?: ScryptParameters;
}

/** scrypt needs 128·N·r bytes; Node refuses more than `maxmem` (32 MiB by default). */
const maxmemFor = ({ N, r, p }: ScryptParameters): number =>
  128 * N * r + 128 * r * p + 1024 * 1024;

const derive = (
  password: BinaryLike,
  salt: Buffer,
  params: ScryptParameters,
  keyLength = KEY_LENGTH,
): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(
      password,
      salt,
      keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );

/** scrypt at the current parameters, with a salt of its own per password. */
export const hashPassword = async (
  password: string,
  params: ScryptParameters = CURRENT_SCRYPT,
): Promise<PasswordHash> => {
  const salt = randomBytes(SALT_LENGTH);
  return { salt, hash: await derive(password, salt, params), params };
};

/** Constant-time comparison of the derived keys, at the parameters the stored hash names. */
export const verifyPassword = async (password: string, stored: PasswordHash): Promise<boolean> => {
  const candidate = await derive(
    password,
    stored.salt,
    stored.params ?? LEGACY_SCRYPT,
    stored.hash.length,
  );
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
};

/** True when a stored hash was made with weaker parameters than the current ones: rehash it. */
export const needsRehash = (stored: PasswordHash): boolean => {
  const params = stored.params ?? LEGACY_SCRYPT;
  return params.N < CURRENT_SCRYPT.N || params.r < CURRENT_SCRYPT.r || params.p < CURRENT_SCRYPT.p;
};

/**
 * Spend the same work as a real verification, for an email nobody has: the answer time does
 * not tell which emails exist.
 */
export const verifyAgainstNobody = async (password: string): Promise<false> => {
  await derive(password, NOBODY_SALT, CURRENT_SCRYPT);
  return false;
};

const NOBODY_SALT = randomBytes(SALT_LENGTH);

/**
 * The text form for storage, carrying its parameters (PHC-like):
 * `$scrypt$ln=14,r=8,p=5$<salt base64>$<key base64>`.
 */
export const encodePasswordHash = (stored: PasswordHash): string => {
  const { N, r, p } = stored.params ?? LEGACY_SCRYPT;
  return `$scrypt$ln=${Math.log2(N)},r=${r},p=${p}$${stored.salt.toString('base64')}$${stored.hash.toString('base64')}`;
};

const ENCODED =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** The stored hash of `encodePasswordHash`'s text; null when the text is not one. */
export const decodePasswordHash = (text: string): PasswordHash | null => {
  const match = ENCODED.exec(text);
  if (!match) return null;
  const [, ln, r, p, salt, hash] = match;
  const params = { N: 2 ** Number(ln), r: Number(r), p: Number(p) };
  if (params.N < 2 || params.r < 1 || params.p < 1) return null;
  return { salt: Buffer.from(salt!, 'base64'), hash: Buffer.from(hash!, 'base64'), params };
};
