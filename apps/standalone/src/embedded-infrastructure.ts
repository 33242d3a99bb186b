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
import { rebuildReadModels } from '@parley/projector-service';
import { Relay, SqlCheckpointStore } from '@parley/relay';

/**
 * The embedded default's engines: PGlite event store, in-process bus, in-memory read store,
 * and the relay between store and bus. The relay keeps its checkpoint in PGlite beside the
 * events, so a restart publishes only what it had not published yet, instead of pushing the
 * whole log through every reaction again; the in-memory read models are rebuilt from the log by
 * the projector's rebuild at every boot.
 */
export interface EmbeddedInfrastructure {
  readonly store: EventStore;
  readonly bus: Bus;
  readonly readStore: ReadStore;
  readonly relay: Relay;
  readonly commandSender: CommandSender;
  /** Rebuild the read models, then start relaying, once every consumer is subscribed. */
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
    name: 'read-store',
    description: 'read models in memory',
    check: async () => undefined,
  });

  return {
    store,
    bus,
    readStore,
    relay,
    commandSender,
    startRelay: async () => {
      // Nothing reaches the projector before the relay starts, so the rebuild has the read
      // store to itself; events it and the relay both carry are no-ops the second time.
      const rebuilt = await rebuildReadModels(store, readStore);
      await relay.start();
      return { rebuiltFromEvents: rebuilt.events, relayResumesAfter: relay.position };
    },
    close: async () => {
      await relay.stop();
      await commandSender.stop();
      await bus.close();
      await readStore.close();
      await store.close();
      await db.close();
    },
  };
};
