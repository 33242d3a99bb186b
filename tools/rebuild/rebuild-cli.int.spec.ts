import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createPostgresEventStore, type EventStore } from '@parley/eventstore';
import { conversationHistory } from '@parley/projections';
import {
  createMongoReadStore,
  READ_MODEL_VERSIONS_COLLECTION,
  type ReadStore,
} from '@parley/read-store';
import { createTestDatabase, REPO_ROOT, reportSkip, type TestDatabase } from '@parley/test-infra';

// `npm run rebuild -- <read model>` as an operator runs it: its own process, on the PostgreSQL
// event store and the MongoDB-wire read store of the services. The concurrency with a running
// projector is specified in libs/projector/service/src/online-rebuild.int.spec.ts.

const url = process.env['MONGO_URL'];
if (!url) reportSkip('npm run rebuild: skipped (no MongoDB-wire server: set MONGO_URL)');

const SCHEMA = 'parley_rebuild_cli';

(url ? describe : describe.skip)('npm run rebuild', () => {
  let database: TestDatabase;
  let events: EventStore;
  let readStore: ReadStore;
  const dbName = `parley_rebuild_cli_${randomBytes(5).toString('hex')}`;

  const rebuild = (args: readonly string[], env: Record<string, string> = {}) => {
    const result = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', path.join(REPO_ROOT, 'tools/rebuild/main.ts'), ...args],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 90_000,
        env: {
          ...process.env,
          EVENT_STORE_URL: database.url,
          EVENT_STORE_SCHEMA: SCHEMA,
          READ_STORE_URL: url as string,
          READ_STORE_DB: dbName,
          ...env,
        },
      },
    );
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(async () => {
    database = await createTestDatabase('parley_rebuild_cli');
    events = await createPostgresEventStore({ connectionString: database.url, schema: SCHEMA });
    for (const user of ['1', '2', '3']) {
      const h = conversationHistory('w1', user);
      for (const e of [
        h.started('2026-12-03T09:00:00.000Z'),
        h.clientMessage(`m${user}`, 'hello', '2026-12-03T09:00:01.000Z'),
      ]) {
        await events.append(e.streamName, [e.event], { expected: 'any' });
      }
    }
    readStore = await createMongoReadStore({ url: url as string, dbName });
  });

  afterAll(async () => {
    await readStore?.dropAll();
    await readStore?.close();
    await events?.close();
    await database?.drop();
  });

  it('given events in the log, when the chat list is rebuilt, then it is version 2 with every chat, and says so', async () => {
    const run = rebuild(['chats']);

    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/switched to chats__v2/);
    expect(run.stdout).toMatch(/done: chats is version 2 \(chats__v2\), 6 events read/);
    expect(await readStore.collection('chats__v2').countDocuments({ workspaceId: 'w1' })).toBe(3);
    expect(
      await readStore.collection(READ_MODEL_VERSIONS_COLLECTION).findOne({ _id: 'chats' }),
    ).toMatchObject({ active: 'chats__v2', version: 2 });
  });

  it('given a name that is no read model, then it exits 1 naming the read models', () => {
    const run = rebuild(['chat']);

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/unknown read model "chat": one of chats, timeline, cards/);
  });

  it('given no read model, then it prints its usage and exits 1', () => {
    const run = rebuild([]);

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/usage: npm run rebuild -- <read model>/);
  });

  it('given no read store at READ_STORE_URL (npm start keeps its own in memory), then it points to the ops port', () => {
    const run = rebuild(['chats'], { READ_STORE_URL: 'mongodb://127.0.0.1:1' });

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /keep their read models in memory: rebuild them through that process's ops port, --ops/,
    );
  });
});
