/**
 * The event table and everything named after the configured schema. Both SQL adapters
 * (PostgreSQL and PGlite) run exactly these statements.
 */
export const DEFAULT_SCHEMA = 'parley';

/** Lower-case identifier, short enough that the derived channel name stays under 63 bytes. */
const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,39}$/;

export const STREAM_REVISION_CONSTRAINT = 'events_stream_revision_key';
export const EVENT_ID_CONSTRAINT = 'events_event_id_key';

export const assertSchemaName = (schema: string): string => {
  if (!SCHEMA_PATTERN.test(schema)) {
    throw new Error(
      `event store schema "${schema}" must be lower-case letters, digits and '_' (at most 40)`,
    );
  }
  return schema;
};

/** The table, schema-qualified and quoted. The schema name is validated before use. */
export const eventsTable = (schema: string): string => `"${assertSchemaName(schema)}".events`;

/** The NOTIFY channel appends signal on (a plain lower-case identifier, so LISTEN matches). */
export const appendChannel = (schema: string): string =>
  `${assertSchemaName(schema)}_events_appended`;

/**
 * Key of the transaction-scoped advisory lock that serialises appends (and schema creation)
 * for one schema: 32-bit FNV-1a of the schema name, so every process agrees on it.
 */
export const appendLockKey = (schema: string): number => {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(`parley.eventstore:${assertSchemaName(schema)}`, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash | 0;
};

/** The server-side append of new events (see SqlEventStore.appendFast). */
export const appendFunction = (schema: string): string =>
  `"${assertSchemaName(schema)}".append_new_events`;

/** Idempotent DDL, one statement per entry (PGlite's query() takes one statement at a time). */
export const schemaStatements = (schema: string): string[] => [
  `CREATE SCHEMA IF NOT EXISTS "${assertSchemaName(schema)}"`,
  `CREATE TABLE IF NOT EXISTS ${eventsTable(schema)} (
    position bigint PRIMARY KEY,
    stream_name text NOT NULL,
    revision bigint NOT NULL,
    event_id text NOT NULL,
    type text NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ${STREAM_REVISION_CONSTRAINT} UNIQUE (stream_name, revision),
    CONSTRAINT ${EVENT_ID_CONSTRAINT} UNIQUE (event_id)
  )`,
  // Takes the append lock, then (each statement of a VOLATILE function reads a fresh snapshot,
  // so it sees every earlier holder's commit) appends the events after the stream's revision
  // p_after (null: no stream; with p_any, wherever the stream is now) at the next positions,
  // unless the stream has moved or an event id is stored already: then it returns no rows and
  // the caller takes the general path. Run as one statement in its own transaction, the lock is
  // held for no client round trip at all.
  `CREATE OR REPLACE FUNCTION ${appendFunction(schema)}(
    p_lock bigint, p_stream text, p_after bigint, p_any boolean, p_events jsonb, p_ids jsonb,
    p_channel text)
  RETURNS TABLE (out_event_id text, out_revision bigint, out_position bigint)
  LANGUAGE plpgsql VOLATILE AS $fn$
  DECLARE
    v_current bigint;
  BEGIN
    PERFORM pg_advisory_xact_lock(p_lock);
    SELECT max(e.revision) INTO v_current FROM ${eventsTable(schema)} e
     WHERE e.stream_name = p_stream;
    IF (NOT p_any AND v_current IS DISTINCT FROM p_after)
       OR EXISTS (SELECT 1 FROM ${eventsTable(schema)} e
                   WHERE e.event_id IN (SELECT jsonb_array_elements_text(p_ids))) THEN
      RETURN;
    END IF;
    RETURN QUERY
      INSERT INTO ${eventsTable(schema)} AS t
             (position, stream_name, revision, event_id, type, data, metadata)
      SELECT (SELECT coalesce(max(h.position), 0) FROM ${eventsTable(schema)} h) + x.ord,
             p_stream, coalesce(v_current, -1) + x.ord,
             x.value->'metadata'->>'eventId', x.value->>'type', x.value->'data', x.value->'metadata'
        FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(value, ord)
       ORDER BY x.ord
      RETURNING t.event_id, t.revision, t.position;
    PERFORM pg_notify(p_channel, p_stream);
  END
  $fn$`,
];
