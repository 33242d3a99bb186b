import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startServiceProcess, waitUntil, type ServiceProcess } from '@parley/test-infra';

// `npm start` as a user runs it: a real process on embedded engines, nothing else installed.

describe('npm start (standalone, embedded engines)', () => {
  let dataDir: string;
  let proc: ServiceProcess | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'parley-standalone-'));
  });

  afterEach(async () => {
    if (proc && proc.child.exitCode === null) {
      proc.child.kill('SIGKILL');
      await proc.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  // HOST is left to its default (127.0.0.1), and no password is given: as on a fresh machine.
  const start = async (args: string[] = [], env: Record<string, string> = {}): Promise<string> => {
    const port = await freePort();
    proc = startServiceProcess(
      'apps/standalone/src/main.ts',
      {
        PORT: String(port),
        HOST: '',
        PARLEY_ADMIN_PASSWORD: '',
        PARLEY_MANAGER_PASSWORD: '',
        PARLEY_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...env,
      },
      args,
    );
    await proc.waitForOutput(/Parley listening on http:\/\/localhost:\d+/, 60_000);
    return `http://127.0.0.1:${port}`;
  };

  const stop = async (): Promise<void> => {
    proc!.child.kill('SIGTERM');
    expect(await proc!.exited).toBe(0);
  };

  const signIn = (base: string, email: string, password: string): Promise<Response> =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  const generatedAdminPassword = (output: string): string | undefined =>
    /Admin account created: admin@parley\.local \/ (\S+)/.exec(output)?.[1];

  it('serves only the status on its port, and the detail and status page on the ops port, then stops cleanly', async () => {
    const opsPort = await freePort();
    const base = await start([], { HEALTH_PORT: String(opsPort) });

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'up' });
    const publicPage = await (await fetch(`${base}/health/status`)).text();
    expect(publicPage).toContain('Parley is running');
    expect(publicPage).not.toContain('PGlite');
    expect((await fetch(`${base}/health/live`)).status).toBe(200);

    const ops = `http://127.0.0.1:${opsPort}`;
    const report = (await (await fetch(`${ops}/health`)).json()) as {
      status: string;
      checks: { name: string; status: string }[];
    };
    expect(report.status).toBe('up');
    expect(report.checks.map((c) => `${c.name}:${c.status}`)).toEqual(
      expect.arrayContaining(['event-store:up', 'bus:up', 'relay:up', 'read-store:up']),
    );
    const page = await fetch(`${ops}/health/status`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('Parley is running');
    expect(html).toMatch(/<td>event-store<\/td><td>[^<]*PGlite[^<]*<\/td><td class="up">up<\/td>/);
    expect((await fetch(`${ops}/api/me`)).status).toBe(404);

    await stop();
  });

  it('creates the admin at the first start with a password printed once, which a restart keeps; there is no manager', async () => {
    const base = await start();
    const password = generatedAdminPassword(proc!.output());
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(proc!.output()).not.toContain('parley-manager');
    const login = await signIn(base, 'admin@parley.local', password!);
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    // The admin reads the detailed health on the public port.
    const detailed = (await (
      await fetch(`${base}/health`, { headers: { authorization: `Bearer ${accessToken}` } })
    ).json()) as { checks?: unknown[] };
    expect(detailed.checks?.length).toBeGreaterThan(0);
    expect((await signIn(base, 'manager@parley.local', 'parley-manager')).status).toBe(401);
    await stop();

    const again = await start();
    expect(generatedAdminPassword(proc!.output())).toBeUndefined();
    expect((await signIn(again, 'admin@parley.local', password!)).status).toBe(200);
    expect((await fetch(`${again}/health`)).status).toBe(200);
    await stop();
  });

  it('given PARLEY_ADMIN_PASSWORD, then that is the password and none is generated', async () => {
    const base = await start([], { PARLEY_ADMIN_PASSWORD: 'an-explicit-admin-password' });
    expect(generatedAdminPassword(proc!.output())).toBeUndefined();
    expect((await signIn(base, 'admin@parley.local', 'an-explicit-admin-password')).status).toBe(
      200,
    );
    await stop();
  });

  it('refuses --demo on an address other machines can reach, saying why', async () => {
    proc = startServiceProcess(
      'apps/standalone/src/main.ts',
      { PORT: String(await freePort()), HOST: '0.0.0.0', PARLEY_DATA_DIR: dataDir },
      ['--demo'],
    );
    expect(await proc.exited).toBe(78);
    expect(proc.output()).toMatch(/--demo: refused with HOST=0\.0\.0\.0\..*published/);
  });

  it('--demo seeds a living workspace once, however often it starts', async () => {
    const chatsAfterBoot = async (): Promise<{ name: string; preview: string | undefined }[]> => {
      const base = await start(['--demo']);
      const login = await signIn(base, 'manager@parley.local', 'parley-manager');
      const { accessToken } = (await login.json()) as { accessToken: string };
      const headers = { authorization: `Bearer ${accessToken}` };
      type Chats = {
        items: {
          _id: string;
          contact: { name: string };
          lastMessage: { preview: string } | null;
        }[];
      };
      const chats = await waitUntil('three demo chats', async () => {
        const page = (await (await fetch(`${base}/api/chats`, { headers })).json()) as Chats;
        return page.items.length >= 3 ? page : undefined;
      });
      const timeline = (await (
        await fetch(`${base}/api/chats/${encodeURIComponent(chats.items.at(-1)!._id)}/timeline`, {
          headers,
        })
      ).json()) as { items: { item: { kind: string } }[] };
      expect(timeline.items.filter((i) => i.item.kind === 'message')).toHaveLength(2);
      proc!.child.kill('SIGTERM');
      expect(await proc!.exited).toBe(0);
      return chats.items.map((c) => ({ name: c.contact.name, preview: c.lastMessage?.preview }));
    };
    const first = await chatsAfterBoot();
    expect(first.map((c) => c.name)).toEqual(['Lucía', 'James Miller', 'Anna Petrova']);
    expect(proc!.output()).toMatch(/relay resumes from the start/);
    expect(await chatsAfterBoot()).toEqual(first);
    // The second boot rebuilt the read models from the log and resumed the relay where it was,
    // so the reactions did not see the whole log again.
    const resumed =
      /read models rebuilt from (\d+) events; relay resumes after position (\d+)/.exec(
        proc!.output(),
      );
    expect(Number(resumed?.[1])).toBeGreaterThan(0);
    expect(Number(resumed?.[2])).toBeGreaterThan(0);
  });

  it('refuses a bad setting, naming the variable', async () => {
    proc = startServiceProcess('apps/standalone/src/main.ts', {
      PORT: 'eighty',
      PARLEY_DATA_DIR: dataDir,
    });
    expect(await proc.exited).toBe(78);
    expect(proc.output()).toMatch(/PORT: .*got "eighty"/);
  });
});
