import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInProcessBus, type Bus } from '@parley/bus';
import { CommandSender } from '@parley/command-handling';
import { newId } from '@parley/contracts';
import { createPgliteEventStore, openPglite, type EventStore } from '@parley/eventstore';
import type { HealthRegistry } from '@parley/platform';
import { createInMemoryReadStore, type ReadStore } from '@parley/read-store';
import { InMemoryCheckpointStore, Relay } from '@parley/relay';

/**
 * The embedded default's engines: PGlite event store, in-process bus, in-memory read store,
 * and the relay between store and bus. The in-process bus keeps nothing across restarts, so the
 * relay starts from position zero at every boot: every consumer is idempotent, and the
 * in-memory read models rebuild themselves from the replay.
 */
export interface EmbeddedInfrastructure {
  readonly store: EventStore;
  readonly bus: Bus;
  readonly readStore: ReadStore;
  readonly relay: Relay;
  readonly commandSender: CommandSender;
  /** Start relaying once every consumer is subscribed. */
  startRelay(): Promise<void>;
  close(): Promise<void>;
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
  const relay = new Relay({ store, bus, checkpoints: new InMemoryCheckpointStore() });
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
    startRelay: () => relay.start(),
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
