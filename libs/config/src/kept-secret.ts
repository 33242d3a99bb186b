import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A secret for a developer's run: `fromEnv` when set, else one generated once and kept in
 * `dataDir` as `fileName` (mode 600), so it survives a restart and no secret ships in the code.
 * `npm start` and `npm run start:services` both keep theirs this way.
 */
export const keptSecret = (
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

/**
 * PARLEY_SECRET_KEY (32 bytes in base64, sealing the AI assistants' settings and their key on
 * the bus), kept as `<dataDir>/secret-key`: settings sealed with it still open after a restart.
 */
export const keptSecretKey = (dataDir: string, fromEnv: string | undefined): string =>
  keptSecret(dataDir, 'secret-key', fromEnv, () => randomBytes(32).toString('base64'));
