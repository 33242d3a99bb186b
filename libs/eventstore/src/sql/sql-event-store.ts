import type { EventEnvelope } from '@parley/contracts';
import { validateAppend } from '../append-batch';
import { DuplicateEventId } from '../duplicate-event-id';
import type {
  AllSubscription,
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { checkExpectedVersion, type StreamRevision } from '../expected-version';
import { WrongExpectedVersion } from '../wrong-expected-version';
import { CatchUpSubscription } from './catch-up-subscription';
import { recordedEventFromRow, toBigInt, toRevision, type EventRow } from './event-rows';
import {
  appendChannel,
  appendFunction,
  appendLockKey,
  assertSchemaName,
  DEFAULT_SCHEMA,
  EVENT_ID_CONSTRAINT,
  eventsTable,
  schemaStatements,
} from './schema';
import {
  constraintOf,
  sqlStateOf,
  UNIQUE_VIOLATION,
  type SqlExecutor,
  type SqlQueryable,
} from './sql-executor';
import { WakeSignal } from './wake-signal';

export interface SqlEventStoreOptions {
  /** PostgreSQL schema holding the events table. Default `parley`. */
  readonly schema?: string;
  /** How long a live subscription sleeps when no NOTIFY arrives. Default 500 ms. */
  readonly pollIntervalMs?: number;
  /** Events a subscription reads per query. Default 500. */
  readonly subscriptionPageSize?: number;
  /**
   * How long a woken subscription waits before it reads, so a burst of appends is read in one
   * query instead of one each. Default 3 ms (the profile of `npm start` at 100 msg/s showed the
   * relay's reads as two statements per append, on the same single PGlite connection).
   */
  readonly subscriptionGatherMs?: number;
}

type Int8 = string | number | bigint;

/**
 * The event store over PostgreSQL SQL, shared by the `pg` adapter and the PGlite adapter:
 * same statements, different executor.
 *
 * Global order. Every append takes a transaction-scoped advisory lock (one key per schema)
 * before it reads max(position), and holds it until COMMIT. So positions are assigned and
 * become visible strictly in commit order: PostgreSQL makes a commit visible before it
 * releases the transaction's locks, so when a reader sees position N, every position below N
 * is already visible and a reader that remembers "last position seen" never skips an event.
 * Positions are also gapless (max + 1, no sequence).
 *
 * Why not the xid-snapshot technique (Emmett, Marten: read only rows whose transaction id is
 * below pg_snapshot_xmin(pg_current_snapshot())): it lets appends run in parallel, but then
 * commit order is (transaction id, sequence), which cannot be carried by the port's single
 * bigint position, and a reader is held back by any long transaction anywhere in the cluster.
 * Serialised appends cost throughput per schema only; that is ample for a CRM messenger on one
 * PostgreSQL, and the distributed deployment uses EventStoreDB.
 */
export class SqlEventStore implements EventStore {
  private readonly schema: string;
  private readonly table: string;
  private readonly lockKey: number;
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private readonly gatherMs: number;
  private readonly wake = new WakeSignal();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private schemaReady: Promise<void> | undefined;
  private listening: Promise<(() => Promise<void>) | undefined> | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly executor: SqlExecutor,
    options: SqlEventStoreOptions = {},
  ) {
    this.schema = assertSchemaName(options.schema ?? DEFAULT_SCHEMA);
    this.table = eventsTable(this.schema);
    this.lockKey = appendLockKey(this.schema);
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.pageSize = options.subscriptionPageSize ?? 500;
    this.gatherMs = options.subscriptionGatherMs ?? 3;
  }

  /** Create the schema and table if missing (idempotent; safe from many processes at once). */
  ensureSchema(): Promise<void> {
    this.schemaReady ??= this.executor
      .transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [this.lockKey]);
        for (const statement of schemaStatements(this.schema)) await tx.query(statement);
      })
      .catch((error: unknown) => {
        this.schemaReady = undefined;
        throw error;
      });
    return this.schemaReady;
  }

  async append(
    streamName: string,
    events: readonly EventEnvelope[],
    options: { readonly expected: ExpectedVersion },
  ): Promise<AppendResult> {
    this.assertOpen();
    const batch = validateAppend(streamName, events, options.expected);
    await this.ensureSchema();
    try {
      const result =
        (await this.appendFast(streamName, batch, options.expected)) ??
        (await this.executor.transaction((tx) =>
          this.appendLocked(tx, streamName, batch, options.expected),
        ));
      if (result.appended) this.wake.notify();
      return result;
    } catch (error) {
      throw await this.translateAppendError(error, streamName, batch, options.expected);
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    await this.ensureSchema();
    const rows = await this.executor.query<EventRow>(
      `SELECT position, stream_name, revision, type, data, metadata FROM ${this.table}
        WHERE stream_name = $1 AND revision >= $2::bigint
        ORDER BY revision
        LIMIT $3::bigint`,
      [streamName, options.fromRevision ?? 0, options.maxCount ?? null],
    );
    return rows.map(recordedEventFromRow);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    await this.ensureSchema();
    return this.readAllRows(options);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const subscription = new CatchUpSubscription({
      after: options.after,
      readPage: async (after, maxCount) => {
        await this.ensureSchema();
        await this.ensureListening();
        return this.readAllRows({ after, maxCount, filter: options.filter });
      },
      wake: this.wake,
      pollIntervalMs: this.pollIntervalMs,
      pageSize: this.pageSize,
      gatherMs: this.gatherMs,
      onClosed: (closed) => this.subscriptions.delete(closed),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((s) => s.close()));
      const unlisten = await this.listening?.catch(() => undefined);
      await unlisten?.().catch(() => undefined);
      await this.executor.close();
    })();
    return this.closing;
  }

  /**
   * The usual append (new events, the stream where the writer expects it) in one statement,
   * without holding the append lock across a client round trip. The bench's inbound profile
   * showed every service's appends queued on the advisory lock while its holder sat "idle in
   * transaction", waiting for the next statement from a busy client. Here one statement, in its
   * own transaction, calls the schema's append function, which takes the lock and inserts only
   * if the stream is at the expected revision (an exact revision or no stream; `any` takes the
   * stream where it is) and no event id is stored (see schema.ts); the commit that ends the
   * statement releases the lock. A later profile of `npm start` showed PGlite's statements as
   * half its CPU, so the read that used to check first is gone: the function checks under the
   * lock anyway. Anything else (a retry, a conflict, `stream_exists`) returns undefined, and the
   * caller runs appendLocked, which decides with everything read under the lock.
   */
  private async appendFast(
    streamName: string,
    batch: readonly EventEnvelope[],
    expected: ExpectedVersion,
  ): Promise<AppendResult | undefined> {
    if (batch.length === 0 || expected === 'stream_exists') return undefined;
    const inserted = await this.executor.query<{
      out_event_id: string;
      out_revision: Int8;
      out_position: Int8;
    }>(
      `SELECT out_event_id, out_revision, out_position
         FROM ${appendFunction(this.schema)}(
           $1::bigint, $2, $3::bigint, $4::boolean, $5::jsonb, $6::jsonb, $7)`,
      [
        this.lockKey,
        streamName,
        typeof expected === 'number' ? expected : null,
        expected === 'any',
        JSON.stringify(batch.map(({ type, data, metadata }) => ({ type, data, metadata }))),
        JSON.stringify(batch.map((e) => e.metadata.eventId)),
        appendChannel(this.schema),
      ],
    );
    if (inserted.length === 0) return undefined;
    if (inserted.length !== batch.length) {
      throw new Error(`append of ${batch.length} events stored ${inserted.length}`);
    }
    const at = new Map(inserted.map((row) => [row.out_event_id, row]));
    const positions = batch.map((e) => {
      const row = at.get(e.metadata.eventId);
      if (!row) throw new Error(`event ${e.metadata.eventId} has no stored position`);
      return { revision: toRevision(row.out_revision), position: toBigInt(row.out_position) };
    });
    return {
      appended: true,
      nextExpectedRevision: positions[positions.length - 1]!.revision,
      positions,
    };
  }

  private async appendLocked(
    tx: SqlQueryable,
    streamName: string,
    batch: readonly EventEnvelope[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    // Held until COMMIT/ROLLBACK: see the class comment.
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [this.lockKey]);

    const ids = batch.map((e) => e.metadata.eventId);
    const stored = await tx.query<{
      event_id: string;
      stream_name: string;
      revision: Int8;
      position: Int8;
    }>(
      `SELECT event_id, stream_name, revision, position FROM ${this.table}
        WHERE event_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(ids)],
    );
    const already = new Map<string, { revision: number; position: bigint }>();
    for (const row of stored) {
      if (row.stream_name !== streamName) {
        throw new DuplicateEventId(row.event_id, streamName, row.stream_name);
      }
      already.set(row.event_id, {
        revision: toRevision(row.revision),
        position: toBigInt(row.position),
      });
    }

    const actual = await this.currentRevision(tx, streamName);
    const positionsOf = (fresh: Map<string, { revision: number; position: bigint }>) =>
      ids.map((id) => {
        const at = already.get(id) ?? fresh.get(id);
        if (!at) throw new Error(`event ${id} has no stored position`);
        return at;
      });

    if (batch.length > 0 && already.size === batch.length) {
      // An idempotent retry: everything is stored; no version check (the stream may have moved).
      return {
        appended: false,
        nextExpectedRevision: actual === 'no_stream' ? -1 : actual,
        positions: positionsOf(new Map()),
      };
    }

    checkExpectedVersion(streamName, expected, actual);
    const fresh = batch.filter((e) => !already.has(e.metadata.eventId));
    if (fresh.length === 0) {
      return {
        appended: false,
        nextExpectedRevision: actual === 'no_stream' ? -1 : actual,
        positions: [],
      };
    }

    const [head] = await tx.query<{ position: Int8 }>(
      `SELECT coalesce(max(position), 0) AS position FROM ${this.table}`,
    );
    const firstRevision = actual === 'no_stream' ? 0 : actual + 1;
    const inserted = await tx.query<{ event_id: string; revision: Int8; position: Int8 }>(
      `INSERT INTO ${this.table} (position, stream_name, revision, event_id, type, data, metadata)
       SELECT $1::bigint + e.ord, $2, $3::bigint + e.ord - 1,
              e.value->'metadata'->>'eventId', e.value->>'type', e.value->'data', e.value->'metadata'
         FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS e(value, ord)
        ORDER BY e.ord
       RETURNING event_id, revision, position`,
      [
        String(toBigInt(head?.position ?? 0)),
        streamName,
        firstRevision,
        JSON.stringify(fresh.map(({ type, data, metadata }) => ({ type, data, metadata }))),
      ],
    );
    // Delivered to listeners when (and only if) the transaction commits.
    await tx.query('SELECT pg_notify($1, $2)', [appendChannel(this.schema), streamName]);

    const freshPositions = new Map(
      inserted.map((row) => [
        row.event_id,
        { revision: toRevision(row.revision), position: toBigInt(row.position) },
      ]),
    );
    return {
      appended: true,
      nextExpectedRevision: firstRevision + fresh.length - 1,
      positions: positionsOf(freshPositions),
    };
  }

  private async currentRevision(tx: SqlQueryable, streamName: string): Promise<StreamRevision> {
    const [row] = await tx.query<{ revision: Int8 | null }>(
      `SELECT max(revision) AS revision FROM ${this.table} WHERE stream_name = $1`,
      [streamName],
    );
    return row?.revision === null || row?.revision === undefined
      ? 'no_stream'
      : toRevision(row.revision);
  }

  /**
   * A unique violation means another writer got there first (only possible if someone writes
   * without the advisory lock, e.g. an older version of this code): report it as the typed
   * conflict, never as a raw driver error.
   */
  private async translateAppendError(
    error: unknown,
    streamName: string,
    batch: readonly EventEnvelope[],
    expected: ExpectedVersion,
  ): Promise<unknown> {
    if (sqlStateOf(error) !== UNIQUE_VIOLATION) return error;
    if (constraintOf(error) === EVENT_ID_CONSTRAINT) {
      const ids = batch.map((e) => e.metadata.eventId);
      const rows = await this.executor.query<{ event_id: string; stream_name: string }>(
        `SELECT event_id, stream_name FROM ${this.table}
          WHERE event_id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND stream_name <> $2`,
        [JSON.stringify(ids), streamName],
      );
      const [other] = rows;
      if (other) return new DuplicateEventId(other.event_id, streamName, other.stream_name);
    }
    const actual = await this.currentRevision(this.executor, streamName);
    return new WrongExpectedVersion(streamName, expected, actual);
  }

  private async readAllRows(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const prefixes = options.filter ? JSON.stringify(options.filter.streamPrefixes) : null;
    const rows = await this.executor.query<EventRow>(
      `SELECT position, stream_name, revision, type, data, metadata FROM ${this.table}
        WHERE position > $1::bigint
          AND ($2::jsonb IS NULL OR EXISTS (
                SELECT 1 FROM jsonb_array_elements_text($2::jsonb) AS p(prefix)
                 WHERE starts_with(stream_name, p.prefix)))
        ORDER BY position
        LIMIT $3::bigint`,
      [String(options.after ?? 0n), prefixes, options.maxCount ?? null],
    );
    return rows.map(recordedEventFromRow);
  }

  /** Start LISTEN once; if the connection is lost, the next read starts it again. */
  private ensureListening(): Promise<(() => Promise<void>) | undefined> {
    if (this.closing) return Promise.resolve(undefined);
    this.listening ??= this.executor
      .listen(
        appendChannel(this.schema),
        () => this.wake.notify(),
        () => {
          this.listening = undefined;
        },
      )
      .catch(() => {
        // Polling keeps subscriptions going; try LISTEN again on the next read.
        this.listening = undefined;
        return undefined;
      });
    return this.listening;
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('the event store is closed');
  }
}
