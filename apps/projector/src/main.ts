import 'reflect-metadata';
import { IsNotEmpty, IsString, Matches } from 'class-validator';
import { loadConfigOrExit } from '@parley/config';
import { runServiceProcess, ServiceProcessConfig } from '@parley/platform';
import { catchUpSearchIndex, ProjectorServiceModule } from '@parley/projector-service';
import { createMongoReadStore } from '@parley/read-store';
import {
  createPostgresSearchIndex,
  SearchConfig,
  searchDatabaseUrl,
  searchSchema,
} from '@parley/search';

class ProjectorConfig extends ServiceProcessConfig {
  /** The MongoDB (or Mongo-wire) server holding the read models the gateway reads. */
  @Matches(/^mongodb(\+srv)?:\/\//, {
    message: 'must be a mongodb:// URL (without one, the gateway projects in process)',
  })
  READ_STORE_URL: string = '';
  @IsString() @IsNotEmpty() READ_STORE_DB: string = 'parley';
}

/**
 * The projector as its own process: events from Kafka into MongoDB read models, and into the
 * search read model in PostgreSQL (SEARCH_DATABASE_URL, default the event store's).
 */
const config = loadConfigOrExit(ProjectorConfig);
const search = loadConfigOrExit(SearchConfig);
void runServiceProcess('projector', config, async (engines, health) => {
  const readStore = await createMongoReadStore({
    url: config.READ_STORE_URL,
    dbName: config.READ_STORE_DB,
  });
  const schema = searchSchema(search, config.EVENT_STORE_SCHEMA);
  const searchIndex = await createPostgresSearchIndex({
    connectionString: searchDatabaseUrl(search, config.EVENT_STORE_URL),
    schema,
  });
  // What the log held before this index existed, or since this process last caught it up; the
  // bus delivers the rest.
  await catchUpSearchIndex(engines.store, searchIndex);
  health.register({
    name: 'search',
    description: `search read model (PostgreSQL, schema ${schema})`,
    check: () => searchIndex.check(),
  });
  return {
    modules: [ProjectorServiceModule.register()],
    readStore,
    searchIndex,
    stop: async () => {
      await searchIndex.close();
      await readStore.close();
    },
  };
});
