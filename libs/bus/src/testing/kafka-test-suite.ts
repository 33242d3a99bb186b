import { reportSkip, testKafkaBrokers } from '@parley/test-infra';
import { logLevel } from 'kafkajs';
import type { Bus } from '../bus.port';
import { createKafkaBus } from '../kafka/kafka-bus';
import { assertKafkaReachable } from './kafka-reachability';
import { uniqueName } from './unique-names';

/** A Kafka bus on the test broker: quick group joins and rebalances, quiet logs (errors kept). */
export const testKafkaBus = (): Bus =>
  createKafkaBus({
    brokers: testKafkaBrokers(),
    clientId: uniqueName('parley-bus-test'),
    logLevel: logLevel.ERROR,
    sessionTimeoutMs: 6_000,
    heartbeatIntervalMs: 300,
    rebalanceTimeoutMs: 6_000,
    maxWaitTimeMs: 200,
  });

/**
 * Suites on the real broker. An unreachable broker fails them with the way to start it;
 * only PARLEY_SKIP_KAFKA=1 skips them, and says so (docs/architecture.md: never let a skip look
 * like a pass).
 */
export const describeOnKafka = (name: string, suite: () => void): void => {
  const brokers = testKafkaBrokers();
  if (process.env['PARLEY_SKIP_KAFKA'] === '1') {
    reportSkip(`kafka: skipped (PARLEY_SKIP_KAFKA=1): ${name}`);
    describe.skip(`${name} (skipped: PARLEY_SKIP_KAFKA=1)`, suite);
    return;
  }
  describe(`${name} on Kafka at ${brokers.join(',')}`, () => {
    beforeAll(() => assertKafkaReachable(brokers));
    suite();
  });
};
