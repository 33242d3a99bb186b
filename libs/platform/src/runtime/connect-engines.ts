import { createKafkaBus, type Bus } from '@parley/bus';
import {
  createEventStoreDbEventStore,
  createPostgresEventStore,
  type EventStore,
} from '@parley/eventstore';
import type { HealthRegistry } from '../health/health-registry';
import type { ServiceProcessConfig } from './service-process.config';

export interface ConnectedEngines {
  readonly store: EventStore;
  readonly bus: Bus;
  close(): Promise<void>;
}

/** The event store and Kafka of the local real-infra and distributed modes, by URL scheme. */
export const connectEngines = async (
  config: ServiceProcessConfig,
  clientId: string,
  health: HealthRegistry,
): Promise<ConnectedEngines> => {
  const url = config.EVENT_STORE_URL;
  const store = /^postgres(ql)?:/.test(url)
    ? await createPostgresEventStore({ connectionString: url, schema: config.EVENT_STORE_SCHEMA })
    : await createEventStoreDbEventStore({ connectionString: url });
  const bus = createKafkaBus({ brokers: config.KAFKA_BROKERS.split(','), clientId });
  const where = url.replace(/\/\/[^@/]*@/, '//'); // never log credentials
  health.register({
    name: 'event-store',
    description: `event store at ${where}`,
    check: async () => {
      await store.readAll({ maxCount: 1 });
    },
  });
  health.register({
    name: 'bus',
    description: `Kafka at ${config.KAFKA_BROKERS}`,
    check: async () => undefined,
  });
  return {
    store,
    bus,
    close: async () => {
      await bus.close();
      await store.close();
    },
  };
};
