import 'reflect-metadata';
import { IsNotEmpty, IsString, Matches } from 'class-validator';
import { loadConfigOrExit } from '@parley/config';
import { runServiceProcess, ServiceProcessConfig } from '@parley/platform';
import { ProjectorServiceModule } from '@parley/projector-service';
import { createMongoReadStore } from '@parley/read-store';

class ProjectorConfig extends ServiceProcessConfig {
  /** The MongoDB (or Mongo-wire) server holding the read models the gateway reads. */
  @Matches(/^mongodb(\+srv)?:\/\//, {
    message: 'must be a mongodb:// URL (without one, the gateway projects in process)',
  })
  READ_STORE_URL: string = '';
  @IsString() @IsNotEmpty() READ_STORE_DB: string = 'parley';
}

/** The projector as its own process: events from Kafka into MongoDB read models. */
const config = loadConfigOrExit(ProjectorConfig);
void runServiceProcess('projector', config, async () => {
  const readStore = await createMongoReadStore({
    url: config.READ_STORE_URL,
    dbName: config.READ_STORE_DB,
  });
  return { modules: [ProjectorServiceModule.register()], readStore, stop: () => readStore.close() };
});
