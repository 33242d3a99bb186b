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
];
