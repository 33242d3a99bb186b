import { createInProcessBus, createKafkaBus } from '@parley/bus';
import { createPgliteEventStore, createPostgresEventStore } from '@parley/eventstore';
import { createTestDatabase, testKafkaBrokers } from '@parley/test-infra';
import { describeCommandHandlingContract } from './testing/command-handling.contract';

describeCommandHandlingContract('PostgreSQL + Kafka', async () => {
  const db = await createTestDatabase('commands');
  const store = await createPostgresEventStore({ connectionString: db.url });
  const bus = createKafkaBus({ brokers: testKafkaBrokers(), clientId: 'command-handling-test' });
  return {
    store,
    bus,
    cleanup: async () => {
      await bus.close();
      await store.close();
      await db.drop();
    },
  };
});

describeCommandHandlingContract('PGlite + in-process bus', async () => {
  const store = await createPgliteEventStore();
  const bus = createInProcessBus();
  return {
    store,
    bus,
    cleanup: async () => {
      await bus.close();
      await store.close();
    },
  };
});
