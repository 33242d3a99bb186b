import { createInProcessBus, type Bus } from '@parley/bus';
import { testKafkaBus } from '@parley/bus/testing';
import {
  createPgliteEventStore,
  createPostgresEventStore,
  type EventStore,
} from '@parley/eventstore';
import { createTestDatabase } from '@parley/test-infra';

/** An event store and a bus for one suite; `cleanup` closes both (and drops what it created). */
export interface TestEngines {
  readonly store: EventStore;
  readonly bus: Bus;
  cleanup(): Promise<void>;
}

export interface TestEnginesOptions {
  /** Instead of the default bus; `cleanup` closes it all the same. */
  readonly bus?: Bus;
}

/** The bus and the store, closed in that order, then whatever else the engines made. */
const ownedEngines = (
  store: EventStore,
  bus: Bus,
  afterwards: () => Promise<void> = async () => undefined,
): TestEngines => ({
  store,
  bus,
  cleanup: async () => {
    await bus.close();
    await store.close();
    await afterwards();
  },
});

/** No servers: PGlite in memory and the in-process bus (or the bus given). */
export const embeddedEngines = async (options: TestEnginesOptions = {}): Promise<TestEngines> => {
  const store = await createPgliteEventStore();
  return ownedEngines(store, options.bus ?? createInProcessBus());
};

/**
 * The real servers: a fresh PostgreSQL database named `{prefix}_…` (dropped at cleanup) and
 * Kafka at testKafkaBrokers() (or the bus given).
 */
export const realEngines = async (
  prefix: string,
  options: TestEnginesOptions = {},
): Promise<TestEngines> => {
  const database = await createTestDatabase(prefix);
  const store = await createPostgresEventStore({ connectionString: database.url });
  return ownedEngines(store, options.bus ?? testKafkaBus(), () => database.drop());
};
