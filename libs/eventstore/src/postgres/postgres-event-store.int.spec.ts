import { randomBytes } from 'node:crypto';
import { createTestDatabase, waitUntil, type TestDatabase } from '@parley/test-infra';
import { DuplicateEventId } from '../duplicate-event-id';
import type { RecordedEvent } from '../event-store.port';
import { describeEventStoreContract, testEvent, uniqueContext } from '../testing';
import { createPostgresEventStore } from './postgres-event-store';

const freshSchema = (): string => `es_${randomBytes(5).toString('hex')}`;

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('parley_eventstore');
});

afterAll(async () => {
  await database?.drop();
});

// A schema of its own per test: isolated, and cheaper than a database per test.
describeEventStoreContract('PostgreSQL', async () => {
  const store = await createPostgresEventStore({
    connectionString: database.url,
    schema: freshSchema(),
  });
  return { store, cleanup: () => store.close() };
});

describe('PostgreSQL event store across processes', () => {
  it('given two stores on one schema created at once, when both append, then the schema exists once and both see every event', async () => {
    const schema = freshSchema();
    const [one, two] = await Promise.all([
      createPostgresEventStore({ connectionString: database.url, schema }),
      createPostgresEventStore({ connectionString: database.url, schema }),
    ]);
    try {
      const stream = `${uniqueContext()}-c1`;
      await one.append(stream, [testEvent('c1')], { expected: 'no_stream' });
      await two.append(stream, [testEvent('c1')], { expected: 0 });

      expect((await one.readStream(stream)).map((e) => e.revision)).toEqual([0, 1]);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('given a subscriber on one store, when another store (another connection) appends, then NOTIFY wakes it without waiting for the poll', async () => {
    const schema = freshSchema();
    const pollIntervalMs = 30_000;
    const reader = await createPostgresEventStore({
      connectionString: database.url,
      schema,
      pollIntervalMs,
    });
    const writer = await createPostgresEventStore({
      connectionString: database.url,
      schema,
      pollIntervalMs,
    });
    const subscription = reader.subscribeToAll();
    const received: RecordedEvent[] = [];
    const done = (async () => {
      for await (const event of subscription) received.push(event);
    })();
    try {
      // Let the subscriber read the empty log and start listening.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const event = testEvent('c1');

      await writer.append(`${uniqueContext()}-c1`, [event], { expected: 'no_stream' });

      await waitUntil('the notified event', () => (received.length > 0 ? true : undefined), 5_000);
      expect(received.map((e) => e.event)).toEqual([event]);
    } finally {
      await subscription.close();
      await done;
      await Promise.all([reader.close(), writer.close()]);
    }
  });

  it('given an event id stored in one stream, when it is appended to another stream, then DuplicateEventId is thrown', async () => {
    const store = await createPostgresEventStore({
      connectionString: database.url,
      schema: freshSchema(),
    });
    try {
      const context = uniqueContext();
      const event = testEvent('a');
      await store.append(`${context}-a`, [event], { expected: 'no_stream' });

      await expect(
        store.append(`${context}-b`, [event], { expected: 'any' }),
      ).rejects.toBeInstanceOf(DuplicateEventId);
      expect(await store.readStream(`${context}-b`)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
