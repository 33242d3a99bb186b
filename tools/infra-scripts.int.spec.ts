import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, REPO_ROOT, waitUntil } from '@parley/test-infra';

// The engine scripts behind `npm run infra:up` / `infra:down`, each run on a port and a data
// directory of its own so the engines the rest of the run uses are not touched: `up` starts and
// waits, a second `up` is a no-op, `down` stops what `up` started and frees the port, and a
// server that `up` found running is used and left alone.

interface ScriptRun {
  readonly status: number | null;
  readonly output: string;
}

const run = (script: string, command: string, env: Record<string, string>): ScriptRun => {
  const result = spawnSync('bash', [path.join(REPO_ROOT, script), command], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

const portAnswers = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const engines = [
  {
    name: 'redis',
    script: 'infra/redis/redis.sh',
    env: (port: number, dir: string) => ({ REDIS_PORT: String(port), REDIS_DATA_DIR: dir }),
  },
  {
    name: 'postgresql',
    script: 'infra/postgres/postgres.sh',
    env: (port: number, dir: string) => ({ PG_PORT: String(port), PG_DATA_DIR: `${dir}/pg` }),
  },
] as const;

describe.each(engines)('infra script for $name', ({ script, env: envFor }) => {
  let dir: string;
  let env: Record<string, string>;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'parley-infra-'));
    spawnSync('chmod', ['755', dir]);
    port = await freePort();
    env = envFor(port, dir);
  });

  afterAll(() => {
    run(script, 'down', env);
    rmSync(dir, { recursive: true, force: true });
  });

  it('given nothing on its port, when up, then it answers; up again changes nothing; down frees the port', async () => {
    expect(run(script, 'status', env).status).toBe(1);

    const first = run(script, 'up', env);
    expect(first).toMatchObject({ status: 0 });
    expect(first.output).toMatch(new RegExp(`up on 127\\.0\\.0\\.1:${port}`));
    expect(await portAnswers(port)).toBe(true);
    expect(run(script, 'status', env).status).toBe(0);

    const second = run(script, 'up', env);
    expect(second).toMatchObject({ status: 0 });
    expect(second.output).toMatch(/already up/);

    expect(run(script, 'down', env).status).toBe(0);
    await waitUntil(
      'the port to close',
      async () => ((await portAnswers(port)) ? undefined : true),
      15_000,
    );
    expect(run(script, 'status', env).status).toBe(1);
  });
});

describe('infra script for redis, with a Redis it did not start', () => {
  it('given a Redis already answering on the port, when up and down, then it is used and left running', async () => {
    const port = await freePort();
    const foreign = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', ''],
      {
        stdio: 'ignore',
      },
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-infra-'));
    const env = { REDIS_PORT: String(port), REDIS_DATA_DIR: dir };
    try {
      await waitUntil(
        'the foreign Redis',
        async () => ((await portAnswers(port)) ? true : undefined),
        10_000,
      );

      const up = run('infra/redis/redis.sh', 'up', env);
      expect(up.status).toBe(3);
      expect(up.output).toMatch(/not started by infra:up: using it as it is, leaving it alone/);
      expect(run('infra/redis/redis.sh', 'down', env).status).toBe(0);
      expect(await portAnswers(port)).toBe(true);
      expect(foreign.exitCode).toBeNull();
    } finally {
      foreign.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
