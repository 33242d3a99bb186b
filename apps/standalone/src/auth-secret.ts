import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The embedded default's token-signing secret: PARLEY_AUTH_SECRET when set, else one generated
 * once and kept in the data directory (mode 600), so sign-ins survive a restart and no secret
 * ships in the code.
 */
export const embeddedAuthSecret = (dataDir: string, fromEnv: string | undefined): string => {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
};
