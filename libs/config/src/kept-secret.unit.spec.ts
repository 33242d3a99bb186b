import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { keptSecretKey } from './kept-secret';

describe('a kept secret key (npm start, npm run start:services)', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'parley-secret-')), 'data');
  });

  afterEach(() => {
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('given no PARLEY_SECRET_KEY, when first asked, then 32 random bytes in base64 are generated and kept readable by the owner only', () => {
    const key = keptSecretKey(dataDir, undefined);

    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    const file = path.join(dataDir, 'secret-key');
    expect(readFileSync(file, 'utf8').trim()).toBe(key);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('given a kept key, when asked again, then the same key; given PARLEY_SECRET_KEY, then that one and nothing is written', () => {
    const first = keptSecretKey(dataDir, undefined);

    expect(keptSecretKey(dataDir, undefined)).toBe(first);
    expect(keptSecretKey(dataDir, 'from-the-environment')).toBe('from-the-environment');
    expect(readFileSync(path.join(dataDir, 'secret-key'), 'utf8').trim()).toBe(first);
  });
});
