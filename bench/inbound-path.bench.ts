import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sampleTextUpdate, startBotApiStandIn } from '@parley/channel-telegram/testing';
import {
  botIdFromToken,
  telegramConversationId,
  type LiveMessage,
  type SignInResponse,
} from '@parley/contracts';
import {
  createTestDatabase,
  freePort,
  startServiceProcess,
  testKafkaBrokers,
  type ServiceProcess,
  type TestDatabase,
} from '@parley/test-infra';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { Pool } from 'pg';
import WebSocket from 'ws';
import { percentile, progress, reasonOf, type BenchOptions, type BenchOutcome } from './report';

/**
 * The inbound path, end to end: a client's Telegram message POSTed to the webhook, stored in the
 * event store, published on the bus, handled by conversation and crm, projected into the read
 * models, and announced to a manager's WebSocket. Each message goes to a new private chat; its
 * latency runs from just before its POST to the first `changed` notification for its chat that
 * names the chat list, on a socket of a signed-in manager (one process, one clock).
 *
 * Open loop at stepped steady rates: the sender posts on schedule whether or not earlier
 * messages have come back, so a saturated pipeline shows as a growing backlog (latency), not as
 * a slower sender. A mode stops after the first step whose p99 exceeds 1 s or that loses
 * messages. Baseline, same run, same rates: one raw INSERT into PostgreSQL, then one kafkajs
 * produce, consumed by a kafkajs consumer on the same broker.
 *
 * Environment (for profiling and quick looks): PARLEY_BENCH_INBOUND_MODES (comma-separated of
 * baseline, standalone, services-ferretdb, services-memory), PARLEY_BENCH_INBOUND_RATES
 * (comma-separated msg/s), PARLEY_BENCH_INBOUND_STEP_S (seconds per step).
 */

const DEFAULT_RATES = [10, 20, 50, 100, 200, 500, 1000, 2000];
const BREAK_P99_MS = 1_000;
const TARGET_P99_MS = 150;
/** After the last POST of a step, how long without a new arrival counts as lost. */
const STALL_MS = 15_000;
const FERRETDB_URL = `mongodb://127.0.0.1:${process.env['FERRETDB_PORT'] ?? 27018}`;

type ModeName = 'baseline' | 'standalone' | 'services-ferretdb' | 'services-memory';
const ALL_MODES: readonly ModeName[] = [
  'baseline',
  'standalone',
  'services-ferretdb',
  'services-memory',
];

interface StepResult {
  readonly offered: number;
  readonly sent: number;
  readonly arrived: number;
  readonly achieved: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Webhook answers other than 200 (or network errors). */
  readonly failedPosts: number;
}

interface ModeResult {
  readonly mode: string;
  readonly steps: StepResult[];
  /** Resident memory of each process at the end of the last step, MB. */
  readonly rssMb: Record<string, number>;
  readonly note?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const envList = (name: string): string[] | undefined =>
  process.env[name]
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Resident memory of a process from /proc/<pid>/status (VmRSS), in MB. */
const rssMbOf = (pid: number): number => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
};

/** The direct children of `pid`, named by the app entry on their command line. */
const childProcesses = (pid: number): { pid: number; name: string }[] => {
  const found: { pid: number; name: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const app = cmdline.map((a) => /apps\/([^/]+)\/(src|main)/.exec(a)?.[1]).find(Boolean);
      found.push({ pid: Number(entry), name: app ?? cmdline.join(' ').slice(0, 40) });
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
};

/** Sends `count` jobs at `rate` per second on an absolute schedule; returns when all are sent. */
const sendAtRate = async (
  rate: number,
  count: number,
  send: (index: number) => void,
): Promise<void> => {
  const start = performance.now();
  let sent = 0;
  while (sent < count) {
    const due = Math.min(count, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
    while (sent < due) {
      send(sent);
      sent += 1;
    }
    if (sent < count) {
      const nextAt = start + (sent * 1000) / rate;
      await sleep(Math.max(0, nextAt - performance.now()));
    }
  }
};

/** Tracks the pending messages of one step by key; resolves when all arrived or arrivals stall. */
class Pending {
  private readonly sentAt = new Map<string, number>();
  readonly latencies: number[] = [];
  firstSentAt = Number.NaN;
  lastArrivalAt = Number.NaN;
  private lastProgressAt = performance.now();

  sent(key: string): void {
    const now = performance.now();
    if (Number.isNaN(this.firstSentAt)) this.firstSentAt = now;
    this.sentAt.set(key, now);
  }

  arrived(key: string): void {
    const at = this.sentAt.get(key);
    if (at === undefined) return;
    const now = performance.now();
    this.sentAt.delete(key);
    this.latencies.push(now - at);
    this.lastArrivalAt = now;
    this.lastProgressAt = now;
  }

  get outstanding(): number {
    return this.sentAt.size;
  }

  async drain(): Promise<void> {
    this.lastProgressAt = performance.now();
    while (this.sentAt.size > 0 && performance.now() - this.lastProgressAt < STALL_MS) {
      await sleep(20);
    }
  }
}

const stepResult = (offered: number, sent: number, pending: Pending, failedPosts: number) => {
  const lat = pending.latencies;
  const spanS = (pending.lastArrivalAt - pending.firstSentAt) / 1000;
  return {
    offered,
    sent,
    arrived: lat.length,
    achieved: lat.length > 0 && spanS > 0 ? lat.length / spanS : 0,
    p50: percentile(lat, 50),
    p99: lat.length < sent ? Number.POSITIVE_INFINITY : percentile(lat, 99),
    max: lat.length < sent ? Number.POSITIVE_INFINITY : Math.max(...lat),
    failedPosts,
  };
};

const broken = (s: StepResult): boolean =>
  s.arrived < s.sent || s.failedPosts > 0 || s.p99 > BREAK_P99_MS;

/** Runs the stepped rates through `runStep` until one breaks. */
const stepUp = async (
  mode: string,
  rates: readonly number[],
  stepSeconds: number,
  runStep: (rate: number, count: number) => Promise<StepResult>,
  afterStep?: () => void,
): Promise<StepResult[]> => {
  const steps: StepResult[] = [];
  for (const rate of rates) {
    const count = Math.max(20, Math.round(rate * stepSeconds));
    progress(`inbound ${mode}: ${rate} msg/s, ${count} messages`);
    const step = await runStep(rate, count);
    steps.push(step);
    afterStep?.();
    progress(
      `inbound ${mode}: ${rate} msg/s -> ${step.achieved.toFixed(0)} msg/s, p50 ${step.p50.toFixed(0)} ms, p99 ${step.p99.toFixed(0)} ms`,
    );
    if (broken(step)) break;
  }
  return steps;
};

// ---------------------------------------------------------------------------------------------
// Parley, booted as a user would

interface RunningParley {
  readonly webhookUrl: string;
  readonly baseUrl: string;
  /** The processes whose memory is reported. */
  processes(): { pid: number; name: string }[];
  stop(): Promise<void>;
}

interface Fixture {
  readonly workspaceId: string;
  readonly botToken: string;
  readonly webhookSecret: string;
  readonly manager: { readonly email: string; readonly password: string };
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

const createFixture = async (): Promise<Fixture> => {
  const workspaceId = `bench-${randomBytes(4).toString('hex')}`;
  const botToken = `${100000 + Math.floor(Math.random() * 800000)}:bench-${randomBytes(8).toString('hex')}`;
  const webhookSecret = randomBytes(16).toString('hex');
  const standIn = await startBotApiStandIn({ token: botToken, username: 'parley_bench_bot' });
  const manager = { email: 'manager@parley.local', password: 'manager-bench-password' };
  return {
    workspaceId,
    botToken,
    webhookSecret,
    manager,
    env: {
      WORKSPACE_ID: workspaceId,
      TELEGRAM_BOT_TOKEN: botToken,
      TELEGRAM_WEBHOOK_SECRET: webhookSecret,
      TELEGRAM_BOT_USERNAME: 'parley_bench_bot',
      TELEGRAM_API_ROOT: standIn.apiRoot,
      PARLEY_AUTH_SECRET: randomBytes(32).toString('hex'),
      PARLEY_MANAGER_EMAIL: manager.email,
      PARLEY_MANAGER_PASSWORD: manager.password,
      PARLEY_ADMIN_EMAIL: 'admin@parley.local',
      PARLEY_ADMIN_PASSWORD: 'admin-bench-password',
      PARLEY_COOKIE_SECURE: 'false',
      LOG_LEVEL: 'warn',
    },
    close: () => standIn.close(),
  };
};

const stopProcess = async (proc: ServiceProcess): Promise<void> => {
  if (proc.child.exitCode !== null) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 30_000);
  await proc.exited;
  clearTimeout(timer);
};

const startStandalone = async (f: Fixture): Promise<RunningParley> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-bench-'));
  const port = await freePort();
  const proc = startServiceProcess('apps/standalone/src/main.ts', {
    ...f.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PARLEY_DATA_DIR: dataDir,
  });
  try {
    await proc.waitForOutput(/Parley listening on/, 120_000);
  } catch (error) {
    await stopProcess(proc);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    webhookUrl: `${baseUrl}/channels/telegram/webhook`,
    processes: () => [{ pid: proc.child.pid ?? 0, name: 'standalone' }],
    stop: async () => {
      await stopProcess(proc);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

const startServices = async (f: Fixture, readStoreUrl: string): Promise<RunningParley> => {
  const db: TestDatabase = await createTestDatabase('parley_bench_inbound');
  const gatewayPort = await freePort();
  const telegramPort = await freePort();
  const proc = startServiceProcess('tools/start-services/main.ts', {
    ...f.env,
    EVENT_STORE_URL: db.url,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    PORT: String(gatewayPort),
    TELEGRAM_PORT: String(telegramPort),
    READ_STORE_URL: readStoreUrl,
    READ_STORE_DB: f.workspaceId.replace(/-/g, '_'),
  });
  const stop = async () => {
    await stopProcess(proc);
    // PARLEY_BENCH_KEEP_DB=1 keeps the event store for a look at recorded_at per stage.
    if (process.env['PARLEY_BENCH_KEEP_DB']) progress(`inbound: kept database ${db.url}`);
    else await db.drop().catch(() => undefined);
  };
  try {
    await proc.waitForOutput(/parley: all services up/, 240_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${gatewayPort}`;
  return {
    baseUrl,
    webhookUrl: `http://127.0.0.1:${telegramPort}/channels/telegram/webhook`,
    processes: () => childProcesses(proc.child.pid ?? 0),
    stop,
  };
};

/** Signs the manager in and opens the live socket (a one-time ticket where the gateway has one). */
const connectLive = async (
  baseUrl: string,
  who: { email: string; password: string },
  onChange: (message: LiveMessage) => void,
): Promise<WebSocket> => {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as SignInResponse;
  const wsBase = `${baseUrl.replace(/^http/, 'ws')}/api/live`;
  let url = `${wsBase}?access_token=${encodeURIComponent(accessToken)}`;
  const ticketRes = await fetch(`${baseUrl}/api/live/ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}` },
  });
  if (ticketRes.ok) {
    const { ticket } = (await ticketRes.json()) as { ticket?: string };
    if (ticket) url = `${wsBase}?ticket=${encodeURIComponent(ticket)}`;
  }
  const socket = new WebSocket(url);
  socket.on('message', (data) => onChange(JSON.parse(String(data)) as LiveMessage));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return socket;
};

const runParleyMode = async (
  mode: ModeName,
  rates: readonly number[],
  stepSeconds: number,
): Promise<ModeResult> => {
  const f = await createFixture();
  let parley: RunningParley | undefined;
  let socket: WebSocket | undefined;
  try {
    progress(`inbound ${mode}: booting`);
    parley =
      mode === 'standalone'
        ? await startStandalone(f)
        : await startServices(f, mode === 'services-ferretdb' ? FERRETDB_URL : '');
    const running = parley;
    const botId = botIdFromToken(f.botToken);
    let pending = new Pending();
    socket = await connectLive(running.baseUrl, f.manager, (message) => {
      if (message.type === 'changed' && message.collections.includes('chats'))
        pending.arrived(message.conversationId);
    });
    let nextChat = 9_000_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
    let nextUpdate = 1;
    let failedPosts = 0;
    const post = (): void => {
      const chatId = nextChat;
      nextChat += 1;
      const update = sampleTextUpdate({
        updateId: nextUpdate,
        chatId,
        firstName: `Client ${chatId}`,
        date: Math.floor(Date.now() / 1000),
        text: `Hello, I am client ${chatId}. How much is the premium plan?`,
      });
      nextUpdate += 1;
      pending.sent(telegramConversationId(f.workspaceId, botId, chatId));
      fetch(running.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-telegram-bot-api-secret-token': f.webhookSecret,
        },
        body: JSON.stringify(update),
      }).then(
        async (res) => {
          await res.arrayBuffer();
          if (res.status !== 200) failedPosts += 1;
        },
        () => {
          failedPosts += 1;
        },
      );
    };
    // Warm-up, untimed: the first message waits for every consumer group to settle, then a few
    // seconds at a low rate for the JIT and connection pools.
    const runOnce = async (rate: number, count: number): Promise<StepResult> => {
      pending = new Pending();
      failedPosts = 0;
      await sendAtRate(rate, count, post);
      await pending.drain();
      return stepResult(rate, count, pending, failedPosts);
    };
    const deadline = performance.now() + 120_000;
    for (;;) {
      const first = await runOnce(1, 1);
      if (first.arrived === 1) break;
      if (performance.now() > deadline)
        throw new Error(`${mode}: no change notification within 120 s of a webhook POST`);
    }
    await runOnce(10, 30);
    let rssMb: Record<string, number> = {};
    const steps = await stepUp(mode, rates, stepSeconds, runOnce, () => {
      rssMb = Object.fromEntries(running.processes().map((p) => [p.name, rssMbOf(p.pid)]));
    });
    return { mode, steps, rssMb };
  } finally {
    socket?.close();
    await parley?.stop();
    await f.close();
  }
};

// ---------------------------------------------------------------------------------------------
// Baseline: one raw INSERT, then one raw kafkajs produce, consumed on the same broker

const runBaseline = async (rates: readonly number[], stepSeconds: number): Promise<ModeResult> => {
  const db = await createTestDatabase('parley_bench_inbound_base');
  const pool = new Pool({ connectionString: db.url, max: 10 });
  // An idle connection ended by the server (another suite's outage test, a forced drop) must
  // not crash the run: the next query opens a new one.
  pool.on('error', () => undefined);
  const topic = `parley-bench.inbound-baseline.${randomBytes(4).toString('hex')}`;
  const kafka = new Kafka({
    clientId: 'parley-bench-inbound-baseline',
    brokers: testKafkaBrokers(),
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 100, retries: 8 },
  });
  const admin = kafka.admin();
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const consumer = kafka.consumer({
    groupId: `${topic}.group`,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    maxWaitTimeInMs: 100,
  });
  try {
    await pool.query(
      'CREATE TABLE inbound (id bigserial PRIMARY KEY, chat_id text NOT NULL, data jsonb NOT NULL)',
    );
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
    });
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let pending = new Pending();
    const joined = new Promise<void>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
    });
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachMessage: async ({ message }) => {
        pending.arrived(message.key?.toString('utf8') ?? '');
      },
    });
    await joined;
    let failed = 0;
    let seq = 0;
    const post = (): void => {
      seq += 1;
      const key = `chat-${seq}`;
      const body = JSON.stringify({ chatId: key, text: `Hello, I am client ${seq}.` });
      pending.sent(key);
      pool
        .query('INSERT INTO inbound (chat_id, data) VALUES ($1, $2)', [key, body])
        .then(() => producer.send({ topic, acks: -1, messages: [{ key, value: body }] }))
        .catch(() => {
          failed += 1;
        });
    };
    const runOnce = async (rate: number, count: number): Promise<StepResult> => {
      pending = new Pending();
      failed = 0;
      await sendAtRate(rate, count, post);
      await pending.drain();
      return stepResult(rate, count, pending, failed);
    };
    await runOnce(20, 40);
    const steps = await stepUp('baseline', rates, stepSeconds, runOnce);
    return { mode: 'baseline', steps, rssMb: {} };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await db.drop().catch(() => undefined);
  }
};

// ---------------------------------------------------------------------------------------------
// Printing

const fmtMs = (ms: number): string =>
  Number.isFinite(ms) ? ms.toLocaleString('en-US', { maximumFractionDigits: 0 }) : 'lost';

const describeMode: Record<ModeName, string> = {
  baseline: 'baseline: raw INSERT (pg) + kafkajs produce -> consume, same broker',
  standalone: 'npm start: one process, PGlite, in-process bus, in-memory read models',
  'services-ferretdb':
    'multi-process (start-services): PostgreSQL, Kafka, projector process on FerretDB',
  'services-memory': 'multi-process (start-services): PostgreSQL, Kafka, READ_STORE_URL= (memory)',
};

const bestHeld = (steps: readonly StepResult[]): StepResult | undefined =>
  steps.filter((s) => !broken(s) && s.p99 < TARGET_P99_MS).sort((a, b) => b.offered - a.offered)[0];

const printMode = (r: ModeResult): string[] => {
  const lines = ['', `inbound / ${r.mode}: ${describeMode[r.mode as ModeName] ?? r.mode}`];
  if (r.note) {
    lines.push(`  skipped: ${r.note}`);
    return lines;
  }
  lines.push(
    `  ${'offered/s'.padStart(9)} ${'achieved/s'.padStart(10)} ${'msgs'.padStart(6)} ${'arrived'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}  note`,
  );
  for (const s of r.steps) {
    const note = [
      s.failedPosts > 0 ? `${s.failedPosts} failed` : '',
      broken(s) ? 'broken (p99 > 1 s or lost)' : s.p99 < TARGET_P99_MS ? 'held' : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `  ${String(s.offered).padStart(9)} ${s.achieved.toFixed(0).padStart(10)} ${String(s.sent).padStart(6)} ${String(s.arrived).padStart(7)} ${fmtMs(s.p50).padStart(8)} ${fmtMs(s.p99).padStart(8)} ${fmtMs(s.max).padStart(8)}  ${note}`,
    );
  }
  const best = bestHeld(r.steps);
  lines.push(
    `  highest rate held with p99 < ${TARGET_P99_MS} ms: ${best ? `${best.offered} msg/s (p99 ${fmtMs(best.p99)} ms)` : 'none'}`,
  );
  const rss = Object.entries(r.rssMb);
  if (rss.length > 0) {
    const top = r.steps[r.steps.length - 1];
    lines.push(
      `  RSS at the end of the top step (${top?.offered ?? '?'} msg/s): ${rss
        .map(([name, mb]) => `${name} ${mb.toFixed(0)} MB`)
        .join(', ')}`,
    );
  }
  return lines;
};

export const inboundPath = async (options: BenchOptions): Promise<BenchOutcome> => {
  const rates = (envList('PARLEY_BENCH_INBOUND_RATES') ?? DEFAULT_RATES.map(String)).map(Number);
  const stepSeconds = Number(process.env['PARLEY_BENCH_INBOUND_STEP_S'] ?? (options.quick ? 3 : 5));
  const modes = (envList('PARLEY_BENCH_INBOUND_MODES') ?? ALL_MODES).filter((m): m is ModeName =>
    (ALL_MODES as readonly string[]).includes(m),
  );
  const results: ModeResult[] = [];
  const skipped: string[] = [];
  for (const mode of modes) {
    try {
      results.push(
        mode === 'baseline'
          ? await runBaseline(rates, stepSeconds)
          : await runParleyMode(mode, rates, stepSeconds),
      );
    } catch (error) {
      // The first line, and the last lines a process printed before it failed.
      const reason = reasonOf(error).split('\n').filter(Boolean);
      const note = [reason[0], ...reason.slice(1).slice(-3)].join(' | ');
      results.push({ mode, steps: [], rssMb: {}, note });
      skipped.push(`inbound / ${mode}: ${note}`);
    }
  }
  const lines = [
    '',
    `inbound: webhook POST -> event store -> bus -> conversation, crm -> projector -> WebSocket "changed" (chats), each message to a new private chat; ${stepSeconds} s per step, open loop, a mode stops once p99 > 1 s`,
  ];
  for (const r of results) lines.push(...printMode(r));
  const base = results.find((r) => r.mode === 'baseline' && r.steps.length > 0);
  if (base) {
    lines.push('', '  ratio to the baseline at the top rate both ran (ours/baseline):');
    for (const r of results) {
      if (r === base) continue;
      const s = [...r.steps].reverse().find((x) => base.steps.some((b) => b.offered === x.offered));
      const b = s && base.steps.find((x) => x.offered === s.offered);
      const ratio = (ours: number, theirs: number) =>
        Number.isFinite(ours) ? `${(ours / theirs).toFixed(1)}x` : 'lost';
      lines.push(
        `    ${r.mode.padEnd(20)} ${
          s && b
            ? `at ${s.offered} msg/s: p50 ${ratio(s.p50, b.p50)}, p99 ${ratio(s.p99, b.p99)}`
            : 'no common step'
        }`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return {
    comparisons: [],
    skipped,
    summary: results.map((r) => {
      const best = bestHeld(r.steps);
      return `inbound / ${r.mode}`.padEnd(44) + ` held ${best ? `${best.offered} msg/s` : 'none'}`;
    }),
  };
};
