import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { keptSecretKey } from '@parley/config';
import { isBuildStale } from '../build-services/build-services';
import { COMPILED_DIR, planServices } from './service-plan';

/**
 * `npm run start:services`: Parley as separate processes on the real engines (PostgreSQL event
 * store, Kafka), each service its own OS process, their output prefixed with their name. The
 * services run compiled JavaScript (dist/node, `npm run build:services`), built here first when
 * it is missing or older than a source, so no process loads a TypeScript compiler at boot.
 * Environment: EVENT_STORE_URL, KAFKA_BROKERS, PORT (gateway, 3000), TELEGRAM_PORT (3001),
 * READ_STORE_URL (mongodb://, default the FerretDB of infra:up; empty: the gateway projects in
 * process), PARLEY_DATA_DIR (default .data/services: the generated PARLEY_SECRET_KEY is kept
 * there, as `npm start` keeps its own), and every variable the
 * services read (TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET, PARLEY_AUTH_SECRET, ...).
 * Prints "parley: all services up" when every process answers; SIGINT/SIGTERM stops them all.
 */
const root = path.resolve(__dirname, '../..');
const env = process.env;
const eventStoreUrl = env['EVENT_STORE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/parley';

const ensureDatabase = async (url: string): Promise<void> => {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`EVENT_STORE_URL database name "${name}" is not a plain identifier`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
};

/**
 * Node's options for one service: stack traces mapped back to the TypeScript sources, and with
 * PARLEY_CPU_PROF_DIR set, a V8 CPU profile per service written there when it exits
 * (`<dir>/<service>-<ms since 1970>.cpuprofile`; summarise with bench/cpuprofile-summary.ts).
 */
const nodeArgs = (serviceName: string): string[] => {
  const profileDir = env['PARLEY_CPU_PROF_DIR'];
  const profile = profileDir
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${path.resolve(profileDir)}`,
        `--cpu-prof-name=${serviceName}-${Date.now()}.cpuprofile`,
      ]
    : [];
  return [...profile, '--enable-source-maps'];
};

const main = async () => {
  // In a process of its own, so the compiler's memory is not kept by this one for the whole run.
  if (isBuildStale(path.join(root, COMPILED_DIR), root)) {
    const build = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/build-services/main.ts'],
      { cwd: root, stdio: 'inherit' },
    );
    if (build.status !== 0)
      throw new Error(`build:services failed (${build.status ?? build.signal})`);
  }
  await ensureDatabase(eventStoreUrl);
  // The gateway signs tokens with it; a run without one gets a fresh secret (sessions end with it).
  env['PARLEY_AUTH_SECRET'] ??= randomBytes(48).toString('base64url');
  // The gateway has no default admin password; a run without one gets a fresh one, shown once.
  if (!env['PARLEY_ADMIN_PASSWORD']) {
    env['PARLEY_ADMIN_PASSWORD'] = randomBytes(18).toString('base64url');
    process.stdout.write(
      `parley: sign in as ${env['PARLEY_ADMIN_EMAIL'] ?? 'admin@parley.local'} with the password ` +
        `${env['PARLEY_ADMIN_PASSWORD']} (generated for this run; set PARLEY_ADMIN_PASSWORD to choose one)\n`,
    );
  }
  // The gateway seals AI assistants' keys with it and translation opens them: one key, kept, so
  // the settings sealed in the event store still open after a restart.
  const dataDir = path.resolve(root, env['PARLEY_DATA_DIR'] ?? '.data/services');
  const secretKey = keptSecretKey(dataDir, env['PARLEY_SECRET_KEY']);
  const plan = planServices({
    eventStoreUrl,
    kafkaBrokers: env['KAFKA_BROKERS'] ?? '127.0.0.1:19092',
    gatewayPort: Number(env['PORT'] ?? 3000),
    telegramPort: Number(env['TELEGRAM_PORT'] ?? 3001),
    // infra:up starts FerretDB there; READ_STORE_URL= (empty) keeps the read
    // models in the gateway's memory instead.
    readStoreUrl: env['READ_STORE_URL'] ?? `mongodb://127.0.0.1:${env['FERRETDB_PORT'] ?? 27018}`,
    // The Redis infra:up starts, unless the developer points REDIS_URL elsewhere (empty: memory).
    redisUrl: env['REDIS_URL'] ?? `redis://127.0.0.1:${env['REDIS_PORT'] ?? 6379}`,
    secretKey,
  });
  const children: ChildProcess[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
            setTimeout(() => c.kill('SIGKILL'), 15_000).unref();
          }),
      ),
    );
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const up = new Set<string>();
  for (const service of plan) {
    const { PORT: _ignored, ...inherited } = env;
    const child = spawn(process.execPath, [...nodeArgs(service.name), service.entry], {
      cwd: root,
      env: { ...inherited, ...service.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const prefix = `[${service.name}] `;
    const relay = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        stream.write(`${prefix}${line}\n`);
        if (/listening on|relaying from position/.test(line) && !up.has(service.name)) {
          up.add(service.name);
          if (up.size === plan.length) process.stdout.write(`parley: all services up\n`);
        }
      }
    };
    child.stdout!.on('data', relay(process.stdout));
    child.stderr!.on('data', relay(process.stderr));
    child.once('exit', (code, signal) => {
      if (stopping) return;
      process.stderr.write(
        `parley: ${service.name} exited (${code ?? signal}); stopping the others\n`,
      );
      void stopAll(1);
    });
  }
};

main().catch((e: unknown) => {
  process.stderr.write(`start:services failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
