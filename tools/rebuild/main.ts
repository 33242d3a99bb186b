import 'reflect-metadata';
import { IsNotEmpty, IsString, Matches } from 'class-validator';
import { loadConfigOrExit } from '@parley/config';
import { createEventStoreDbEventStore, createPostgresEventStore } from '@parley/eventstore';
import { rebuildReadModelOnline, REBUILDABLE_READ_MODELS } from '@parley/projector-service';
import { createMongoReadStore } from '@parley/read-store';

/**
 * `npm run rebuild -- <read model> [--keep-previous]` (O4): rebuild one read model from position
 * zero beside the live one while Parley runs, and switch every gateway and projector over once it
 * has caught up (rebuildReadModelOnline). Reads the event store and the read store the services
 * use: EVENT_STORE_URL, EVENT_STORE_SCHEMA, READ_STORE_URL, READ_STORE_DB, with their defaults.
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

const USAGE = `usage: npm run rebuild -- <read model> [--keep-previous]
  read models: ${REBUILDABLE_READ_MODELS.join(', ')}`;

const main = async (args: readonly string[]): Promise<number> => {
  const keepPrevious = args.includes('--keep-previous');
  const names = args.filter((arg) => arg !== '--keep-previous');
  const [readModel] = names;
  if (names.length !== 1 || readModel === undefined || readModel.startsWith('-')) {
    throw new Error(USAGE);
  }
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
        'without READ_STORE_URL, keep their read models in memory and rebuild them from the log ' +
        'at every start: restart that process to rebuild',
    );
  });
  try {
    const report = await rebuildReadModelOnline(events, readStore, readModel, {
      keepPrevious,
      log: (line) => process.stdout.write(`rebuild: ${line}\n`),
    });
    process.stdout.write(
      `rebuild: done: ${report.readModel} is version ${report.version} (${report.collection}), ` +
        `${report.events} events read, ${report.projected} shown by it\n`,
    );
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
