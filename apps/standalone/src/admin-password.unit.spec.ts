import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { embeddedAdminPassword } from './admin-password';

describe("npm start's admin password", () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'parley-admin-')), 'data');
  });

  afterEach(() => {
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('Given a first start without PARLEY_ADMIN_PASSWORD, Then a password is generated, and only its hash is kept, readable by the owner only', async () => {
    const first = await embeddedAdminPassword(dataDir, undefined);

    expect(first.generated).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(first.hash).toMatch(/^\$scrypt\$ln=14,r=8,p=5\$/);
    const kept = readFileSync(first.file, 'utf8');
    expect(kept.trim()).toBe(first.hash);
    expect(kept).not.toContain(first.generated);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
  });

  it('Given a later start, Then the kept hash is used and no password is generated or shown', async () => {
    const first = await embeddedAdminPassword(dataDir, undefined);

    const again = await embeddedAdminPassword(dataDir, undefined);

    expect(again).toEqual({ hash: first.hash, file: first.file });
  });

  it('Given PARLEY_ADMIN_PASSWORD, Then nothing is generated or written: the gateway hashes that one', async () => {
    const given = await embeddedAdminPassword(dataDir, 'an-explicit-password');

    expect(given.hash).toBeUndefined();
    expect(given.generated).toBeUndefined();
    expect(existsSync(given.file)).toBe(false);
  });
});
