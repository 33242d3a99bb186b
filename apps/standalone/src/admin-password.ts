import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePasswordHash, hashPassword } from '@parley/gateway';

/** The admin's password for the embedded default, as the gateway module takes it. */
export interface EmbeddedAdminPassword {
  /** The stored hash, when PARLEY_ADMIN_PASSWORD is not set. */
  readonly hash?: string;
  /** The password generated at this start, to print once; absent on later starts. */
  readonly generated?: string;
  /** Where the hash is kept. */
  readonly file: string;
}

/**
 * `npm start`'s admin password: PARLEY_ADMIN_PASSWORD when set; otherwise one generated at the
 * first start (24 characters, 144 bits), of which only the scrypt hash is kept, in the data
 * directory (mode 600), so a restart keeps it. The password itself is returned once, to print.
 * Delete the file to have a new one generated.
 */
export const embeddedAdminPassword = async (
  dataDir: string,
  fromEnv: string | undefined,
): Promise<EmbeddedAdminPassword> => {
  const file = path.join(dataDir, 'admin-password.scrypt');
  if (fromEnv) return { file };
  if (existsSync(file)) return { hash: readFileSync(file, 'utf8').trim(), file };
  mkdirSync(dataDir, { recursive: true });
  const generated = randomBytes(18).toString('base64url');
  const hash = encodePasswordHash(await hashPassword(generated));
  writeFileSync(file, `${hash}\n`, { mode: 0o600 });
  return { hash, generated, file };
};
