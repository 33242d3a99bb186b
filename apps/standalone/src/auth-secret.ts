import { randomBytes } from 'node:crypto';
import { keptSecret, keptSecretKey } from '@parley/config';

/** The token-signing secret (PARLEY_AUTH_SECRET): sign-ins survive a restart. */
export const embeddedAuthSecret = (dataDir: string, fromEnv: string | undefined): string =>
  keptSecret(dataDir, 'auth-secret', fromEnv, () => randomBytes(48).toString('base64url'));

/**
 * The key sealing the AI assistants' settings (PARLEY_SECRET_KEY, 32 bytes in base64): kept, so
 * the settings sealed with it still open after a restart.
 */
export const embeddedSecretKey = (dataDir: string, fromEnv: string | undefined): string =>
  keptSecretKey(dataDir, fromEnv);
