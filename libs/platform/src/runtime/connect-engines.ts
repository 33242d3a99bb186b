import { createKafkaBus, KafkaDeadLetters, type Bus } from '@parley/bus';
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
  const deadLetters = new KafkaDeadLetters({
    brokers: config.KAFKA_BROKERS.split(','),
    clientId: `${clientId}-dead-letters`,
  });
  health.register({
    name: 'bus',
    description: `Kafka at ${config.KAFKA_BROKERS}; its dead-letter topics (npm run dlq)`,
    // Asks the broker, so an unreachable Kafka reports down; the count is of the whole cluster.
    check: async () => {
      const held = await deadLetters.count();
      return { detail: `${held} dead letter${held === 1 ? '' : 's'}` };
    },
  });
  return {
    store,
    bus,
    close: async () => {
      await bus.close();
      await deadLetters.close();
      await store.close();
    },
  };
};
