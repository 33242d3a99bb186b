import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { KafkaDeadLetters } from '@parley/bus';
import { sampleTextUpdate } from '@parley/channel-telegram/testing';
import {
  freePort,
  REPO_ROOT,
  startServiceProcess,
  testKafkaBrokers,
  waitUntil,
  type ServiceProcess,
} from '@parley/test-infra';
import { createJourneyFixture, type JourneyFixture } from '../journey/journey-fixture';
import { TelegramWebhookClient } from '../journey/telegram-webhook-client';

// Issue 7's fault test on the real engines: PostgreSQL paused (SIGSTOP) for 10 s while a stream
// of 200 updates arrives, posted the way Telegram does (again and again until answered 200).
// Afterwards every update is stored once, the conversation service recorded each once, and no
// message of this run went to a dead-letter topic. The cluster is one of this test's own (its
// own port and data directory), so the engines the rest of the run uses are never paused.

const UPDATES = 200;
const PAUSE_MS = 10_000;

/** Every process of a cluster: the postmaster (first line of postmaster.pid) and its children. */
const clusterPids = (dataDir: string): number[] => {
  const postmaster = Number(
    readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  const children = spawnSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map(Number);
  return [postmaster, ...children];
};

/** Posts an update until the webhook answers 200, as Telegram redelivers (each try time-boxed). */
const deliverLikeTelegram = async (
  webhook: TelegramWebhookClient,
  update: unknown,
): Promise<number> => {
  for (let tries = 1; ; tries++) {
    try {
      const res = await Promise.race([
        webhook.post(update),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3_000)),
      ]);
      if (res.status === 200) return tries;
    } catch {
      // no answer in time: Telegram would try again
    }
    await new Promise((r) => setTimeout(r, 500));
  }
};

describe('PostgreSQL paused for 10 s under a stream of 200 updates (multi-process, real engines)', () => {
  let f: JourneyFixture;
  let dataRoot: string;
  let pgEnv: Record<string, string>;
  let pgUrl: string;
  let services: ServiceProcess | undefined;
  let webhook: TelegramWebhookClient;

  beforeAll(async () => {
    f = await createJourneyFixture();
    dataRoot = mkdtempSync(path.join(tmpdir(), 'parley-pg-pause-'));
    chmodSync(dataRoot, 0o755); // the postgres user must reach its data directory
    const pgPort = await freePort();
    pgEnv = { PG_PORT: String(pgPort), PG_DATA_DIR: path.join(dataRoot, 'pg') };
    execFileSync('bash', [path.join(REPO_ROOT, 'infra/postgres/postgres.sh'), 'up'], {
      env: { ...process.env, ...pgEnv },
      stdio: 'pipe',
    });
    pgUrl = `postgres://postgres@127.0.0.1:${pgPort}/parley`;
    const telegramPort = await freePort();
    services = startServiceProcess('tools/start-services/main.ts', {
      ...f.env,
      EVENT_STORE_URL: pgUrl,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      PORT: String(await freePort()),
      TELEGRAM_PORT: String(telegramPort),
      READ_STORE_URL: '',
      REDIS_URL: '',
    });
    await services.waitForOutput(/parley: all services up/, 180_000);
    webhook = new TelegramWebhookClient(
      `http://127.0.0.1:${telegramPort}/channels/telegram/webhook`,
      f.webhookSecret,
    );
  });

  afterAll(async () => {
    if (services) {
      services.child.kill('SIGTERM');
      await services.exited;
    }
    await f?.standIn.close();
    if (pgEnv) {
      for (const pid of clusterPids(pgEnv['PG_DATA_DIR']!))
        spawnSync('kill', ['-CONT', String(pid)]);
      spawnSync('bash', [path.join(REPO_ROOT, 'infra/postgres/postgres.sh'), 'down'], {
        env: { ...process.env, ...pgEnv },
      });
    }
    if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
  });

  it('stores every update once, records each message once, dead-letters nothing', async () => {
    const firstUpdate = 9_000_000;
    const updates = Array.from({ length: UPDATES }, (_, i) =>
      sampleTextUpdate({
        updateId: firstUpdate + i,
        chatId: 700_000 + (i % 20),
        messageId: 1000 + i,
        text: `message ${i}`,
      }),
    );
    // 20 updates a second; PostgreSQL stops two seconds in and comes back 10 s later.
    // The cluster's processes are listed when it is paused: a backend of a connection closed
    // since boot is gone by then (ESRCH), and none starts while the postmaster is stopped.
    const signal = (pids: readonly number[], name: NodeJS.Signals): void => {
      for (const pid of pids) {
        try {
          process.kill(pid, name);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
        }
      }
    };
    const pause = (async () => {
      await new Promise((r) => setTimeout(r, 2_000));
      const pids = clusterPids(pgEnv['PG_DATA_DIR']!);
      signal(pids, 'SIGSTOP');
      await new Promise((r) => setTimeout(r, PAUSE_MS));
      signal(pids, 'SIGCONT');
      return Date.now();
    })();
    let lastAcceptedAt = 0;
    const tries = await Promise.all(
      updates.map(async (update, i) => {
        await new Promise((r) => setTimeout(r, i * 50));
        const n = await deliverLikeTelegram(webhook, update);
        lastAcceptedAt = Math.max(lastAcceptedAt, Date.now());
        return n;
      }),
    );
    const resumedAt = await pause;

    const db = new Client({ connectionString: pgUrl });
    await db.connect();
    try {
      // This run's workspace only: the broker is shared with the other tests, and a message
      // another test's service left unconsumed on its topic belongs to that test's workspace.
      const count = async (type: string): Promise<{ rows: number; distinct: number }> => {
        const { rows } = await db.query<{ n: string; d: string }>(
          `SELECT count(*) AS n, count(DISTINCT data->>'externalMessageId') AS d
             FROM parley.events WHERE type = $1 AND metadata->>'workspaceId' = $2`,
          [type, f.workspaceId],
        );
        return { rows: Number(rows[0]!.n), distinct: Number(rows[0]!.d) };
      };
      expect(await count('Channel.MessageReceived')).toEqual({ rows: UPDATES, distinct: UPDATES });
      await waitUntil(
        'the conversation service to record every message',
        async () =>
          (await count('Conversation.ClientMessageReceived')).rows >= UPDATES ? true : undefined,
        60_000,
        250,
      );
      expect(await count('Conversation.ClientMessageReceived')).toEqual({
        rows: UPDATES,
        distinct: UPDATES,
      });
      const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      process.stderr.write(
        `postgres pause: ${tries.filter((t) => t > 1).length} of ${UPDATES} updates needed a redelivery ` +
          `(most tries ${Math.max(...tries)}); the last was accepted ${seconds(lastAcceptedAt - resumedAt)} ` +
          `after PostgreSQL resumed, and every message was recorded ${seconds(Date.now() - lastAcceptedAt)} ` +
          `after that (at most; polled)\n`,
      );
    } finally {
      await db.end();
    }

    const letters = new KafkaDeadLetters({ brokers: testKafkaBrokers() });
    try {
      const ours = (await letters.list()).filter(
        (l) => l.headers['parley-workspace-id'] === f.workspaceId,
      );
      expect(ours).toEqual([]);
    } finally {
      await letters.close();
    }
  });
});
