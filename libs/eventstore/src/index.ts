export * from './event-store.port';
export * from './wrong-expected-version';
export * from './duplicate-event-id';
export { matchesExpectedVersion, type StreamRevision } from './expected-version';
export { SqlEventStore, type SqlEventStoreOptions } from './sql/sql-event-store';
export type { SqlExecutor, SqlQueryable } from './sql/sql-executor';
export { DEFAULT_SCHEMA } from './sql/schema';
export {
  createPostgresEventStore,
  type PostgresEventStoreOptions,
} from './postgres/postgres-event-store';
export {
  DEFAULT_POSTGRES_TIMEOUTS,
  postgresPoolConfig,
  type PostgresTimeouts,
} from './postgres/postgres-timeouts';
export { createPgliteEventStore, type PgliteEventStoreOptions } from './pglite/pglite-event-store';
export { openPglite } from './pglite/open-pglite';
export {
  createEventStoreDbEventStore,
  EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
} from './eventstoredb/eventstoredb-event-store';
