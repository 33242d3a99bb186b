import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  createTestDatabase,
  REPO_ROOT,
  testKafkaBrokers,
  type TestDatabase,
} from '@parley/test-infra';
import { buildServices, ensureServicesBuilt, isBuildStale } from './build-services';

// `npm run build:services` into a directory of its own, then one compiled service booted by plain
// `node` (no -r hook): the JavaScript alone must run, aliases resolved and Nest's decorator
// metadata emitted. The directory is under the repository's git-ignored tmp/ so the compiled
// files find node_modules the way dist/node does.

describe('build:services', () => {
  const outDir = path.join(REPO_ROOT, 'tmp', `build-services-${randomBytes(4).toString('hex')}`);
  let db: TestDatabase | undefined;
  let child: ChildProcess | undefined;

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child!.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await db?.drop();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('given the sources, when built, then every entry is JavaScript with a source map and no @parley/ specifier is left', async () => {
    expect(isBuildStale(outDir)).toBe(true);

    const result = await buildServices(outDir);

    expect(result.files).toBeGreaterThan(50);
    const crm = path.join(outDir, 'apps/crm/src/main.js');
    const code = readFileSync(crm, 'utf8');
    expect(code).toContain('require("../../../libs/crm/service/src")');
    expect(code).not.toMatch(/@parley\//);
    expect(code).toMatch(/\/\/# sourceMappingURL=main\.js\.map\n$/);
    expect(JSON.parse(readFileSync(`${crm}.map`, 'utf8'))).toMatchObject({
      sources: ['../../../../../apps/crm/src/main.ts'],
    });
    expect(existsSync(path.join(outDir, 'apps/web'))).toBe(false);
    expect(existsSync(path.join(outDir, 'apps/e2e'))).toBe(false);
    expect(isBuildStale(outDir)).toBe(false);
    expect(await ensureServicesBuilt(outDir)).toBeUndefined();
  });

  it('given the build, when the compiled crm service runs on PostgreSQL and Kafka, then it boots and listens', async () => {
    db = await createTestDatabase('build_services');
    const entry = path.join(outDir, 'apps/crm/src/main.js');
    child = spawn(process.execPath, ['--enable-source-maps', entry], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        EVENT_STORE_URL: db.url,
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        PORT: '0',
        HOST: '127.0.0.1',
        WORKSPACE_ID: `build-${randomBytes(4).toString('hex')}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const listening = new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (/crm listening on http:\/\//.test(output)) resolve();
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.once('exit', (code) =>
        reject(new Error(`exited (${code}) before listening:\n${output}`)),
      );
      setTimeout(() => reject(new Error(`not listening after 40 s:\n${output}`)), 40_000).unref();
    });

    await listening;

    const exited = new Promise<number | null>((resolve) =>
      child!.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
