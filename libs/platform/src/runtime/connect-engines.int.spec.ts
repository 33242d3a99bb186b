import {
  createTestDatabase,
  freePort,
  testKafkaBrokers,
  type TestDatabase,
} from '@parley/test-infra';
import { HealthRegistry } from '../health/health-registry';
import { connectEngines, type ConnectedEngines } from './connect-engines';
import { ServiceProcessConfig } from './service-process.config';

describe('connectEngines on PostgreSQL and Kafka', () => {
  let db: TestDatabase;
  let engines: ConnectedEngines | undefined;
  let withoutKafka: ConnectedEngines | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('engines');
  });

  afterAll(async () => {
    await engines?.close();
    await withoutKafka?.close();
    await db.drop();
  });

  it('given both engines answer, when health is reported, then the bus says how many dead letters Kafka holds', async () => {
    const config = Object.assign(new ServiceProcessConfig(), {
      EVENT_STORE_URL: db.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
    });
    const health = new HealthRegistry();
    engines = await connectEngines(config, 'engines-test', health);

    const report = await health.report(10_000);
    expect(report.status).toBe('up');
    expect(report.checks.find((c) => c.name === 'bus')).toMatchObject({
      status: 'up',
      detail: expect.stringMatching(/^\d+ dead letters?$/),
    });
  });

  it('given no broker at KAFKA_BROKERS, when a handler subscribes, then it returns at once and the bus line is down naming the waiting group', async () => {
    const config = Object.assign(new ServiceProcessConfig(), {
      EVENT_STORE_URL: db.url,
      KAFKA_BROKERS: `127.0.0.1:${await freePort()}`,
    });
    const health = new HealthRegistry();
    withoutKafka = await connectEngines(config, 'engines-test-no-kafka', health);

    const started = Date.now();
    await withoutKafka.bus.subscribe({
      groupId: 'engines-test-waiting',
      topics: ['parley.engines-test.events'],
      fromBeginning: true,
      handler: async () => undefined,
    });
    expect(Date.now() - started).toBeLessThan(2_000);

    const report = await health.report();
    expect(report.status).toBe('down');
    expect(report.checks.find((c) => c.name === 'event-store')).toMatchObject({ status: 'up' });
    expect(report.checks.find((c) => c.name === 'bus')).toMatchObject({
      status: 'down',
      reason: expect.stringMatching(/^not consuming yet \(1 subscription: engines-test-waiting\)/),
    });
  });
});
