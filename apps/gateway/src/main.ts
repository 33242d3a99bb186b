import 'reflect-metadata';
import { IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { CommandSender } from '@parley/command-handling';
import { loadConfigOrExit } from '@parley/config';
import { newId } from '@parley/contracts';
import { configureGateway, GatewayConfig, GatewayServiceModule } from '@parley/gateway';
import { runServiceProcess, ServiceProcessConfig } from '@parley/platform';
import { MediaStoreConfig, openMediaStore } from '@parley/media-store';
import {
  catchUpSearchIndex,
  ProjectorServiceModule,
  rebuildOpsAction,
  rebuildReadModels,
} from '@parley/projector-service';
import { createInMemoryReadStore, createMongoReadStore } from '@parley/read-store';
import {
  createPostgresSearchIndex,
  SearchConfig,
  searchDatabaseUrl,
  searchSchema,
} from '@parley/search';

class GatewayProcessConfig extends ServiceProcessConfig {
  /**
   * The read models' MongoDB. Empty: this gateway keeps them in memory and projects them itself
   * (rebuilt from the event store at boot), for machines without a MongoDB server.
   */
  @IsOptional()
  @Matches(/^(mongodb(\+srv)?:\/\/.*)?$/, { message: 'must be a mongodb:// URL or empty' })
  READ_STORE_URL: string = '';
  @IsString() @IsNotEmpty() READ_STORE_DB: string = 'parley';
}

/** The gateway as its own process: sign-in, the HTTP API, WebSocket push, the web app. */
const config = loadConfigOrExit(GatewayProcessConfig);
const gateway = loadConfigOrExit(GatewayConfig);
const media = loadConfigOrExit(MediaStoreConfig);
const search = loadConfigOrExit(SearchConfig);
const instanceId = newId();
// With in-memory read models every gateway replica projects for itself, in a group of its own.
const embeddedProjector = config.READ_STORE_URL === '';
void runServiceProcess(
  embeddedProjector ? `gateway-${instanceId}` : 'gateway',
  config,
  async (engines, health) => {
    const readStore = embeddedProjector
      ? createInMemoryReadStore()
      : await createMongoReadStore({ url: config.READ_STORE_URL, dbName: config.READ_STORE_DB });
    if (embeddedProjector) await rebuildReadModels(engines.store, readStore);
    // Search (L2) is in PostgreSQL whichever way the read models are kept: the projector writes
    // it (here when embedded), every replica reads it.
    const schema = searchSchema(search, config.EVENT_STORE_SCHEMA);
    const searchIndex = await createPostgresSearchIndex({
      connectionString: searchDatabaseUrl(search, config.EVENT_STORE_URL),
      schema,
    });
    if (embeddedProjector) await catchUpSearchIndex(engines.store, searchIndex);
    health.register({
      name: 'search',
      description: `search read model (PostgreSQL, schema ${schema})`,
      check: () => searchIndex.check(),
    });
    const mediaStore = await openMediaStore({ ...config, ...media });
    const commandSender = new CommandSender({
      bus: engines.bus,
      instanceId,
      timeoutMs: gateway.COMMAND_TIMEOUT_MS,
    });
    await commandSender.start();
    return {
      modules: [
        GatewayServiceModule.register(gateway, { mediaStore }),
        ...(embeddedProjector ? [ProjectorServiceModule.register()] : []),
      ],
      readStore,
      searchIndex,
      commandSender,
      // In-memory read models are rebuilt online where they are (O4, `npm run rebuild -- --ops`).
      opsActions: embeddedProjector ? [rebuildOpsAction(engines.store, readStore)] : [],
      configure: (app) => configureGateway(app),
      stop: async () => {
        await commandSender.stop();
        await mediaStore.close();
        await searchIndex.close();
        await readStore.close();
      },
    };
  },
);
