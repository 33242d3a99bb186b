import 'reflect-metadata';
import { IsNotEmpty, IsString, Matches } from 'class-validator';
import { loadConfigOrExit } from '@parley/config';
import { createEventStoreDbEventStore, createPostgresEventStore } from '@parley/eventstore';
import {
  rebuildReadModelOnline,
  REBUILDABLE_READ_MODELS,
  type OnlineRebuildReport,
} from '@parley/projector-service';
import { createMongoReadStore } from '@parley/read-store';

/**
 * `npm run rebuild -- <read model> [--keep-previous] [--ops <url>]` (O4): rebuild one read model from position
 * zero beside the live one while Parley runs, and switch every gateway and projector over once it
 * has caught up (rebuildReadModelOnline). Reads the event store and the read store the services
 * use: EVENT_STORE_URL, EVENT_STORE_SCHEMA, READ_STORE_URL, READ_STORE_DB, with their defaults.
 * With `--ops`, the process that keeps its read models in memory runs it (rebuildOpsAction).
 */
class RebuildConfig {
  @Matches(/^(postgres(ql)?|esdb|kurrentdb):\/\//, {
    message: 'must be a postgres://, esdb:// or kurrentdb:// URL',
  })
  EVENT_STORE_URL: string = 'postgres://postgres@127.0.0.1:5432/parley';
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'must be a lower-case SQL identifier' })
  EVENT_STORE_SCHEMA: string = 'parley';
  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'must be a mongodb:// URL' })
  READ_STORE_URL: string = 'mongodb://127.0.0.1:27018';
  @IsString() @IsNotEmpty() READ_STORE_DB: string = 'parley';
}

const USAGE = `usage: npm run rebuild -- <read model> [--keep-previous] [--ops <ops port url>]
  read models: ${REBUILDABLE_READ_MODELS.join(', ')}
  --ops: rebuild the read models a process keeps in memory (npm start, a gateway without
         READ_STORE_URL) through its ops port (HEALTH_PORT), e.g. --ops http://127.0.0.1:9464`;

interface Arguments {
  readonly readModel: string;
  readonly keepPrevious: boolean;
  readonly ops: string | null;
}

const parse = (args: readonly string[]): Arguments => {
  const rest = [...args];
  let keepPrevious = false;
  let ops: string | null = null;
  const names: string[] = [];
  while (rest.length > 0) {
    const arg = rest.shift()!;
    if (arg === '--keep-previous') keepPrevious = true;
    else if (arg === '--ops') {
      ops = rest.shift() ?? null;
      if (ops === null || !/^https?:\/\//.test(ops)) throw new Error(`--ops needs a URL\n${USAGE}`);
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else names.push(arg);
  }
  const [readModel] = names;
  if (names.length !== 1 || readModel === undefined) throw new Error(USAGE);
  return { readModel, keepPrevious, ops };
};

const summary = (report: OnlineRebuildReport): string =>
  `rebuild: done: ${report.readModel} is version ${report.version} (${report.collection}), ` +
  `${report.events} events read, ${report.projected} shown by it\n`;

/** The rebuild run by the process that holds the read models, through its ops port. */
const rebuildThroughOps = async (ops: string, readModel: string): Promise<number> => {
  const url = `${ops.replace(/\/$/, '')}/ops/rebuild/${encodeURIComponent(readModel)}`;
  process.stdout.write(`rebuild: asking ${url}\n`);
  const response = await fetch(url, { method: 'POST' });
  const body = (await response.json()) as OnlineRebuildReport | { error: string };
  if (!response.ok || 'error' in body) {
    throw new Error(`${response.status}: ${'error' in body ? body.error : 'no report'}`);
  }
  process.stdout.write(summary(body));
  return 0;
};

const main = async (args: readonly string[]): Promise<number> => {
  const { readModel, keepPrevious, ops } = parse(args);
  if (ops !== null) return rebuildThroughOps(ops, readModel);
  const config = loadConfigOrExit(RebuildConfig);
  const events = /^postgres(ql)?:/.test(config.EVENT_STORE_URL)
    ? await createPostgresEventStore({
        connectionString: config.EVENT_STORE_URL,
        schema: config.EVENT_STORE_SCHEMA,
      })
    : await createEventStoreDbEventStore({ connectionString: config.EVENT_STORE_URL });
  const readStore = await createMongoReadStore({
    url: config.READ_STORE_URL,
    dbName: config.READ_STORE_DB,
    serverSelectionTimeoutMS: 5_000,
  }).catch(async (error: unknown) => {
    await events.close();
    throw new Error(
      `no read store answers at READ_STORE_URL ${config.READ_STORE_URL.replace(/\/\/[^@/]*@/, '//')} ` +
        `(${error instanceof Error ? error.message : String(error)}). npm start, and a gateway ` +
        'without READ_STORE_URL, keep their read models in memory: rebuild them through that ' +
        "process's ops port, --ops http://127.0.0.1:<its HEALTH_PORT>",
    );
  });
  try {
    const report = await rebuildReadModelOnline(events, readStore, readModel, {
      keepPrevious,
      log: (line) => process.stdout.write(`rebuild: ${line}\n`),
    });
    process.stdout.write(summary(report));
    return 0;
  } finally {
    await readStore.close();
    await events.close();
  }
};

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`rebuild: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
