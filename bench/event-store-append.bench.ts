import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type { EventEnvelope } from '@parley/contracts';
import {
  createPgliteEventStore,
  createPostgresEventStore,
  openPglite,
  type EventStore,
  type ExpectedVersion,
} from '@parley/eventstore';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from '@parley/test-infra';
import { Pool } from 'pg';
import {
  measure,
  progress,
  reasonOf,
  type BenchOptions,
  type BenchOutcome,
  type Comparison,
  type Measurement,
  type Recorder,
  unrecorded,
} from './report';

/**
 * Event store append: single-event appends with an expected revision, round-robin over the
 * streams, one at a time (each waits for the previous), so p50/p99 are the latency of one
 * append. Ours: the SqlEventStore (advisory lock, duplicate-id lookup, revision check, insert,
 * NOTIFY, in a transaction). Baseline: the same rows INSERTed in a transaction each into a plain
 * table whose UNIQUE (stream_name, revision) is the only concurrency check.
 */

interface Append {
  readonly stream: string;
  readonly revision: number;
  readonly expected: ExpectedVersion;
  readonly event: EventEnvelope;
}

/** N appends over `streams` streams: append i goes to stream i % streams. */
const plannedAppends = (n: number, streams: number, context: string): Append[] =>
  Array.from({ length: n }, (_, i) => {
    const streamIndex = i % streams;
    const revision = Math.floor(i / streams);
    const aggregateId = `c${streamIndex}`;
    return {
      stream: `${context}-${aggregateId}`,
      revision,
      expected: revision === 0 ? 'no_stream' : revision - 1,
      event: {
        type: 'Bench.ThingHappened',
        data: { n: i, text: `message ${i} of the benchmark`, tags: ['a', 'b'] },
        metadata: {
          eventId: randomUUID(),
          workspaceId: 'w1',
          aggregateId,
          occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60)).toISOString(),
          schemaVersion: 1,
          correlationId: `corr-${i}`,
          causationId: null,
          actor: { kind: 'system', id: 'bench' },
        },
      },
    };
  });

const RAW_TABLE_DDL = [
  'CREATE SCHEMA IF NOT EXISTS bench_raw',
  `CREATE TABLE IF NOT EXISTS bench_raw.events (
    position bigserial PRIMARY KEY,
    stream_name text NOT NULL,
    revision bigint NOT NULL,
    event_id text NOT NULL,
    type text NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (stream_name, revision)
  )`,
];

const RAW_INSERT = `INSERT INTO bench_raw.events (stream_name, revision, event_id, type, data, metadata)
  VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`;

const rawParams = (a: Append): unknown[] => [
  a.stream,
  a.revision,
  a.event.metadata.eventId,
  a.event.type,
  JSON.stringify(a.event.data),
  JSON.stringify(a.event.metadata),
];

const appendAll =
  (store: EventStore, appends: readonly Append[]) =>
  async (rec: Recorder): Promise<void> => {
    for (const a of appends) {
      await rec.time(() => store.append(a.stream, [a.event], { expected: a.expected }));
    }
  };

const assertCount = (what: string, actual: number, expected: number): void => {
  if (actual !== expected)
    throw new Error(`${what}: stored ${actual} events, expected ${expected}`);
};

const WARMUP = 20;

const postgres = async (db: TestDatabase, n: number, streams: number): Promise<Comparison> => {
  progress(`event store on PostgreSQL: ${n} appends to ${streams} streams`);
  const appends = plannedAppends(n, streams, 'bench');
  const warmup = plannedAppends(WARMUP, WARMUP, 'warmup');

  // Baseline first, on its own pool, closed before ours starts.
  const pool = new Pool({ connectionString: db.url, max: 10 });
  let baseline: Measurement;
  try {
    for (const statement of RAW_TABLE_DDL) await pool.query(statement);
    const insert = async (a: Append): Promise<void> => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(RAW_INSERT, rawParams(a));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    };
    for (const a of warmup) await insert(a);
    baseline = await measure('pg: BEGIN; INSERT; COMMIT', n, async (rec) => {
      for (const a of appends) await rec.time(() => insert(a));
    });
    const { rows } = await pool.query<{ count: string }>(
      "SELECT count(*) AS count FROM bench_raw.events WHERE stream_name LIKE 'bench-%'",
    );
    assertCount('baseline', Number(rows[0]?.count), n);
  } finally {
    await pool.end();
  }

  const store = await createPostgresEventStore({ connectionString: db.url });
  let ours: Measurement;
  try {
    await appendAll(store, warmup)(unrecorded);
    ours = await measure('createPostgresEventStore append', n, appendAll(store, appends));
    const stored = await store.readAll({ filter: { streamPrefixes: ['bench-'] } });
    assertCount('ours', stored.length, n);
  } finally {
    await store.close();
  }
  return {
    title: 'event-store-append / PostgreSQL',
    work: `${n} single-event appends to ${streams} streams with expected revisions, one at a time`,
    ours,
    baseline,
  };
};

const pglite = async (n: number, streams: number): Promise<Comparison> => {
  progress(`event store on PGlite (in memory): ${n} appends to ${streams} streams`);
  const appends = plannedAppends(n, streams, 'bench');
  const warmup = plannedAppends(WARMUP, WARMUP, 'warmup');

  let baseline: Measurement;
  const raw: PGlite = await openPglite();
  try {
    for (const statement of RAW_TABLE_DDL) await raw.query(statement);
    const insert = (a: Append): Promise<unknown> =>
      raw.transaction((tx) => tx.query(RAW_INSERT, rawParams(a)));
    for (const a of warmup) await insert(a);
    baseline = await measure('PGlite: transaction(INSERT)', n, async (rec) => {
      for (const a of appends) await rec.time(() => insert(a));
    });
    const { rows } = await raw.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM bench_raw.events WHERE stream_name LIKE 'bench-%'",
    );
    assertCount('baseline', Number(rows[0]?.count), n);
  } finally {
    await raw.close();
  }

  let ours: Measurement;
  const store = await createPgliteEventStore();
  try {
    await appendAll(store, warmup)(unrecorded);
    ours = await measure('createPgliteEventStore append', n, appendAll(store, appends));
    const stored = await store.readAll({ filter: { streamPrefixes: ['bench-'] } });
    assertCount('ours', stored.length, n);
  } finally {
    await store.close();
  }
  return {
    title: 'event-store-append / PGlite in memory',
    work: `${n} single-event appends to ${streams} streams with expected revisions, one at a time`,
    ours,
    baseline,
  };
};

export const eventStoreAppend = async ({ quick }: BenchOptions): Promise<BenchOutcome> => {
  const comparisons: Comparison[] = [];
  const skipped: string[] = [];
  // Only an unreachable server skips the PostgreSQL part; any other failure fails the run.
  const db = await createTestDatabase('parley_bench').catch((error: unknown) => {
    skipped.push(`event-store-append / PostgreSQL (${testPostgresUrl()}): ${reasonOf(error)}`);
    return undefined;
  });
  if (db) {
    try {
      comparisons.push(await postgres(db, quick ? 400 : 2000, quick ? 40 : 200));
    } finally {
      await db.drop();
    }
  }
  comparisons.push(await pglite(quick ? 100 : 500, quick ? 20 : 100));
  return { comparisons, skipped };
};
