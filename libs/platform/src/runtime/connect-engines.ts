import { Logger } from '@nestjs/common';
import { createKafkaBus, KafkaDeadLetters, type Bus } from '@parley/bus';
import {
  createEventStoreDbEventStore,
  createPostgresEventStore,
  type EventStore,
} from '@parley/eventstore';
import type { HealthRegistry } from '../health/health-registry';
import { anyBrokerAcceptsConnections } from './broker-reachable';
import type { ServiceProcessConfig } from './service-process.config';
import { subscriptionsInBackground, type WaitingSubscription } from './subscriptions-in-background';

export interface ConnectedEngines {
  readonly store: EventStore;
  /** Kafka; subscriptions that cannot start yet are retried in the background (boot goes on). */
  readonly bus: Bus;
  close(): Promise<void>;
}

const waitingReason = (waiting: readonly WaitingSubscription[]): string => {
  const groups = waiting.map((w) => w.groupId).join(', ');
  return (
    `not consuming yet (${waiting.length} subscription${waiting.length === 1 ? '' : 's'}: ` +
    `${groups}), retrying: ${waiting[0]!.reason}`
  );
};

/**
 * The event store and Kafka of the local real-infra and distributed modes, by URL scheme. Only
 * the event store must answer at boot: with Kafka down the process boots all the same (what
 * needs only the store, such as the Telegram webhook, works), its subscriptions start when the
 * broker answers, and its health line `bus` is down meanwhile.
 */
export const connectEngines = async (
  config: ServiceProcessConfig,
  clientId: string,
  health: HealthRegistry,
): Promise<ConnectedEngines> => {
  const url = config.EVENT_STORE_URL;
  const store = /^postgres(ql)?:/.test(url)
    ? await createPostgresEventStore({ connectionString: url, schema: config.EVENT_STORE_SCHEMA })
    : await createEventStoreDbEventStore({ connectionString: url });
  const brokers = config.KAFKA_BROKERS.split(',');
  const logger = new Logger('Bus');
  const bus = subscriptionsInBackground(createKafkaBus({ brokers, clientId }), {
    brokerReachable: () => anyBrokerAcceptsConnections(brokers),
    log: (line) => logger.warn(line),
  });
  const where = url.replace(/\/\/[^@/]*@/, '//'); // never log credentials
  health.register({
    name: 'event-store',
    description: `event store at ${where}`,
    check: async () => {
      await store.readAll({ maxCount: 1 });
    },
  });
  // A KafkaDeadLetters keeps its first connection attempt, failed or not: after a failure the
  // next check asks through a new one, so the line turns up again once Kafka is back.
  const newDeadLetters = () =>
    new KafkaDeadLetters({ brokers, clientId: `${clientId}-dead-letters` });
  let deadLetters = newDeadLetters();
  health.register({
    name: 'bus',
    description: `Kafka at ${config.KAFKA_BROKERS}; its dead-letter topics (npm run dlq)`,
    // Asks the broker, so an unreachable Kafka reports down; the count is of the whole cluster.
    check: async () => {
      const waiting = bus.waiting();
      if (waiting.length > 0) return waitingReason(waiting);
      const asked = deadLetters;
      try {
        const held = await asked.count();
        return { detail: `${held} dead letter${held === 1 ? '' : 's'}` };
      } catch (error) {
        if (deadLetters === asked) {
          deadLetters = newDeadLetters();
          void asked.close().catch(() => undefined);
        }
        throw error;
      }
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
