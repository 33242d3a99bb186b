import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A secret of the embedded default: `fromEnv` when set, else one generated once and kept in the
 * data directory as `fileName` (mode 600), so it survives a restart and no secret ships in the
 * code.
 */
const keptSecret = (
  dataDir: string,
  fileName: string,
  fromEnv: string | undefined,
  generate: () => string,
): string => {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, fileName);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = generate();
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
};

/** The token-signing secret (PARLEY_AUTH_SECRET): sign-ins survive a restart. */
export const embeddedAuthSecret = (dataDir: string, fromEnv: string | undefined): string =>
  keptSecret(dataDir, 'auth-secret', fromEnv, () => randomBytes(48).toString('base64url'));

/**
 * The key sealing the AI assistants' settings (PARLEY_SECRET_KEY, 32 bytes in base64): kept, so
 * the settings sealed with it still open after a restart.
 */
export const embeddedSecretKey = (dataDir: string, fromEnv: string | undefined): string =>
  keptSecret(dataDir, 'secret-key', fromEnv, () => randomBytes(32).toString('base64'));
