import { createTestDatabase, testKafkaBrokers, type TestDatabase } from '@parley/test-infra';
import { HealthRegistry } from '../health/health-registry';
import { connectEngines, type ConnectedEngines } from './connect-engines';
import { ServiceProcessConfig } from './service-process.config';

describe('connectEngines on PostgreSQL and Kafka', () => {
  let db: TestDatabase;
  let engines: ConnectedEngines | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('engines');
  });

  afterAll(async () => {
    await engines?.close();
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
});
