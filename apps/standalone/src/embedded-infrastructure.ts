import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInProcessBus, type Bus } from '@parley/bus';
import { createPgliteEventStore, openPglite, type EventStore } from '@parley/eventstore';
import type { HealthRegistry } from '@parley/platform';
import { Relay, SqlCheckpointStore } from '@parley/relay';

/** The embedded default's engines: PGlite event store, in-process bus, the relay between them. */
export interface EmbeddedInfrastructure {
  readonly store: EventStore;
  readonly bus: Bus;
  readonly relay: Relay;
  close(): Promise<void>;
}

export const startEmbeddedInfrastructure = async (
  dataDir: string,
  health: HealthRegistry,
): Promise<EmbeddedInfrastructure> => {
  const absolute = path.resolve(dataDir);
  // One PGlite database holds the events and the relay's checkpoint.
  mkdirSync(absolute, { recursive: true });
  const db = await openPglite(path.join(absolute, 'eventstore'));
  const store = await createPgliteEventStore({ pglite: db });
  const bus = createInProcessBus();
  const relay = new Relay({ store, bus, checkpoints: new SqlCheckpointStore(db) });
  await relay.start();

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

  return {
    store,
    bus,
    relay,
    close: async () => {
      await relay.stop();
      await bus.close();
      await store.close();
      await db.close();
    },
  };
};
