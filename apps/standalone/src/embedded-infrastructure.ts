import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInProcessBus, type Bus } from '@parley/bus';
import { CommandSender } from '@parley/command-handling';
import { newId } from '@parley/contracts';
import {
  createPgliteEventStore,
  DEFAULT_SCHEMA,
  openPglite,
  type EventStore,
} from '@parley/eventstore';
import type { HealthRegistry } from '@parley/platform';
import { createInMemoryReadStore, type ReadStore } from '@parley/read-store';
import { catchUpSearchIndex, rebuildReadModels } from '@parley/projector-service';
import { Relay, SqlCheckpointStore } from '@parley/relay';
import { createPgliteSearchIndex, type SearchIndex } from '@parley/search';

/**
 * The embedded default's engines: PGlite event store, in-process bus, in-memory read store,
 * the search read model in a PGlite of its own (with pg_trgm and unaccent, under `search/`; it
 * is kept across restarts, fed by the projector like the services' PostgreSQL one), and the
 * relay between store and bus. The relay keeps its checkpoint in PGlite beside the
 * events, so a restart publishes only what it had not published yet, instead of pushing the
 * whole log through every reaction again; the in-memory read models are rebuilt from the log by
 * the projector's rebuild at every boot.
 */
export interface EmbeddedInfrastructure {
  readonly store: EventStore;
  readonly bus: Bus;
  readonly readStore: ReadStore;
  readonly searchIndex: SearchIndex;
  readonly relay: Relay;
  readonly commandSender: CommandSender;
  /**
   * Rebuild the read models and catch the search index up, then start relaying, once every
   * consumer is subscribed.
   */
  startRelay(): Promise<EmbeddedBootReport>;
  close(): Promise<void>;
}

export interface EmbeddedBootReport {
  /** Events the read-model rebuild read from the log. */
  readonly rebuiltFromEvents: number;
  /** The relay's checkpoint: it publishes what comes after (undefined: from the start). */
  readonly relayResumesAfter: bigint | undefined;
}

export const startEmbeddedInfrastructure = async (
  dataDir: string,
  health: HealthRegistry,
  commandTimeoutMs: number,
): Promise<EmbeddedInfrastructure> => {
  const absolute = path.resolve(dataDir);
  mkdirSync(absolute, { recursive: true });
  const db = await openPglite(path.join(absolute, 'eventstore'));
  const store = await createPgliteEventStore({ pglite: db });
  const bus = createInProcessBus();
  const readStore = createInMemoryReadStore();
  const searchIndex = await createPgliteSearchIndex({ dataDir: path.join(absolute, 'search') });
  // The checkpoint at most once a second (and at stop): saving it after every event was one
  // more write per event; after a crash the repeats are dropped by event id.
  const relay = new Relay({
    store,
    bus,
    checkpoints: new SqlCheckpointStore(db, DEFAULT_SCHEMA),
    checkpointIntervalMs: 1_000,
  });
  const commandSender = new CommandSender({
    bus,
    instanceId: newId(),
    timeoutMs: commandTimeoutMs,
  });
  await commandSender.start();

  health.register({
    name: 'event-store',
    description: `event store on PGlite in ${path.join(absolute, 'eventstore')}`,
    check: async () => {
      await store.readAll({ maxCount: 1 });
    },
  });
  health.register({ name: 'bus', description: 'in-process bus', check: async () => undefined });
  health.register({
    name: 'relay',
    description: 'publishes stored events to the bus',
    check: async () => undefined,
  });
  health.register({
    name: 'search',
    description: `search read model on PGlite in ${path.join(absolute, 'search')}`,
    check: () => searchIndex.check(),
  });
  health.register({
    name: 'read-store',
    description: 'read models in memory',
    check: async () => undefined,
  });

  return {
    store,
    bus,
    readStore,
    searchIndex,
    relay,
    commandSender,
    startRelay: async () => {
      // Nothing reaches the projector before the relay starts, so the rebuild has the read
      // store to itself; events it and the relay both carry are no-ops the second time.
      const rebuilt = await rebuildReadModels(store, readStore);
      // The search index is kept on disk: only what came after its last catch-up is applied.
      await catchUpSearchIndex(store, searchIndex);
      await relay.start();
      return { rebuiltFromEvents: rebuilt.events, relayResumesAfter: relay.position };
    },
    close: async () => {
      await relay.stop();
      await commandSender.stop();
      await bus.close();
      await readStore.close();
      await searchIndex.close();
      await store.close();
      await db.close();
    },
  };
};
