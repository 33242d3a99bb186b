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

  const start = async (args: string[] = []): Promise<string> => {
    const port = await freePort();
    proc = startServiceProcess(
      'apps/standalone/src/main.ts',
      { PORT: String(port), HOST: '127.0.0.1', PARLEY_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      args,
    );
    await proc.waitForOutput(/Parley listening on http:\/\/localhost:\d+/, 60_000);
    return `http://127.0.0.1:${port}`;
  };

  it('serves the health endpoint and a status page naming what is up, then stops cleanly', async () => {
    const base = await start();

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const report = (await health.json()) as {
      status: string;
      checks: { name: string; status: string }[];
    };
    expect(report.status).toBe('up');
    expect(report.checks.map((c) => `${c.name}:${c.status}`)).toEqual(
      expect.arrayContaining(['event-store:up', 'bus:up', 'relay:up', 'read-store:up']),
    );

    const page = await fetch(`${base}/health/status`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('Parley is running');
    expect(html).toMatch(/<td>event-store<\/td><td>[^<]*PGlite[^<]*<\/td><td class="up">up<\/td>/);

    proc!.child.kill('SIGTERM');
    expect(await proc!.exited).toBe(0);
  });

  it('starts again on the data it left behind', async () => {
    await start();
    proc!.child.kill('SIGTERM');
    expect(await proc!.exited).toBe(0);
    const base = await start();
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('--demo seeds a living workspace once, however often it starts', async () => {
    const chatsAfterBoot = async (): Promise<{ name: string; preview: string | undefined }[]> => {
      const base = await start(['--demo']);
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'manager@parley.local', password: 'parley-manager' }),
      });
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
