import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
  createKafkaBus,
  dropDuplicateEvents,
  InMemorySeenEvents,
  type Bus,
  type BusSubscription,
} from '@parley/bus';
import {
  EVENT_HEADERS,
  deterministicId,
  eventsTopic,
  streamName,
  type EventEnvelope,
} from '@parley/contracts';
import { createPostgresEventStore, type EventStore } from '@parley/eventstore';
import {
  createTestDatabase,
  startServiceProcess,
  testKafkaBrokers,
  waitUntil,
  type ServiceProcess,
  type TestDatabase,
} from '@parley/test-infra';

// The store is the outbox: a relay killed with SIGKILL mid-stream and started again publishes
// every stored event; repeats happen only past the saved checkpoint, and a consumer that drops
// duplicates by eventId handles each event exactly once, in per-stream order.
// Real processes: the relay app on the PostgreSQL store and the Kafka broker of `npm run infra:up`.

const context = `relaytest_${randomBytes(4).toString('hex')}`;
const workspaceId = `ws-${context}`;
const STREAMS = 20;

const event = (i: number): { stream: string; envelope: EventEnvelope } => {
  const aggregateId = `${workspaceId}:c${i % STREAMS}`;
  return {
    stream: streamName(context, aggregateId),
    envelope: {
      type: 'Relaytest.Happened',
      data: { i },
      metadata: {
        eventId: deterministicId(context, i),
        workspaceId,
        aggregateId,
        occurredAt: new Date(Date.UTC(2026, 10, 25, 12, 0, 0, i)).toISOString(),
        schemaVersion: 1,
        correlationId: `corr-${i}`,
        causationId: null,
        actor: { kind: 'system', id: 'relay-test' },
      },
    },
  };
};

describe('relay crash and restart (real relay process, PostgreSQL, Kafka)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let bus: Bus;
  let subscription: BusSubscription;
  let relay: ServiceProcess | undefined;
  const received: { eventId: string; position: bigint }[] = [];
  const handled: { stream: string; revision: number; eventId: string }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('relay_e2e');
    store = await createPostgresEventStore({ connectionString: db.url });
    bus = createKafkaBus({ brokers: testKafkaBrokers(), clientId: `relay-e2e-${context}` });
    const seen = new InMemorySeenEvents();
    subscription = await bus.subscribe({
      groupId: `relay-e2e-${context}`,
      topics: [eventsTopic(context)],
      fromBeginning: true,
      handler: async (message) => {
        received.push({
          eventId: message.headers[EVENT_HEADERS.eventId],
          position: BigInt(message.headers[EVENT_HEADERS.position]),
        });
        await dropDuplicateEvents(async (m) => {
          handled.push({
            stream: m.headers[EVENT_HEADERS.streamName],
            revision: Number(m.headers[EVENT_HEADERS.revision]),
            eventId: m.headers[EVENT_HEADERS.eventId],
          });
        }, seen)(message);
      },
    });
  });

  afterAll(async () => {
    relay?.child.kill('SIGKILL');
    await subscription?.close();
    await bus?.close();
    await store?.close();
    await db?.drop();
  });

  it('publishes every stored event after a SIGKILL; duplicates only past the checkpoint', async () => {
    const relayEnv = {
      EVENT_STORE_URL: db.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      RELAY_BATCH_SIZE: '10',
      // Checkpoint lazily (first batch, then not for a minute) so the kill is sure to land with
      // the checkpoint behind what the consumer already received.
      RELAY_CHECKPOINT_INTERVAL_MS: '60000',
    };
    let appended = 0;
    const appendMore = async (count: number) => {
      for (let n = 0; n < count; n++, appended++) {
        const { stream, envelope } = event(appended);
        await store.append(stream, [envelope], { expected: 'any' });
      }
    };

    // Given events stored before the relay runs,
    await appendMore(300);
    // when a relay runs while more events arrive, and is killed mid-stream,
    relay = startServiceProcess('apps/relay/src/main.ts', relayEnv);
    await relay.waitForOutput(/relaying from position start/);
    const writing = appendMore(300);
    await waitUntil(
      'first 150 events at the consumer',
      () => (received.length >= 150 ? true : undefined),
      60_000,
    );
    relay.child.kill('SIGKILL');
    await relay.exited;
    await writing;
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const { rows } = await admin.query<{ position: string }>(
      `SELECT position::text AS position FROM parley.checkpoints WHERE name = 'relay'`,
    );
    await admin.end();
    const checkpoint = rows[0] ? BigInt(rows[0].position) : 0n;
    const receivedBeforeRestart = received.length;

    // and started again,
    relay = startServiceProcess('apps/relay/src/main.ts', relayEnv);
    await relay.waitForOutput(new RegExp(`relaying from position ${checkpoint}`));
    await waitUntil(
      'all events handled',
      () => (handled.length >= appended ? true : undefined),
      90_000,
    );
    relay.child.kill('SIGTERM');
    expect(await relay.exited).toBe(0);

    // then every stored event arrived,
    const stored = await store.readAll({ filter: { streamPrefixes: [`${context}-`] } });
    expect(stored).toHaveLength(600);
    const storedIds = new Set(stored.map((r) => r.event.metadata.eventId));
    expect(new Set(received.map((r) => r.eventId))).toEqual(storedIds);
    // repeats are only events past the checkpoint the killed relay had saved,
    const counts = new Map<string, number>();
    for (const r of received) counts.set(r.eventId, (counts.get(r.eventId) ?? 0) + 1);
    const repeats = received.filter((r) => counts.get(r.eventId)! > 1);
    expect(repeats.length).toBeGreaterThan(0);
    for (const r of repeats) expect(r.position).toBeGreaterThan(checkpoint);
    // and the deduplicating consumer handled each exactly once, in per-stream order.
    expect(handled).toHaveLength(600);
    expect(new Set(handled.map((h) => h.eventId)).size).toBe(600);
    const lastRevision = new Map<string, number>();
    for (const h of handled) {
      expect(h.revision).toBe((lastRevision.get(h.stream) ?? -1) + 1);
      lastRevision.set(h.stream, h.revision);
    }
    process.stderr.write(
      `relay crash test: ${receivedBeforeRestart} received before the kill, checkpoint ${checkpoint}, ` +
        `${received.length - 600} duplicates after restart, all dropped by eventId\n`,
    );
  });
});
