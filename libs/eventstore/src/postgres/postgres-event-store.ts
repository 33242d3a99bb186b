import type { EventStore } from '../event-store.port';
import { SqlEventStore, type SqlEventStoreOptions } from '../sql/sql-event-store';
import { PostgresExecutor } from './postgres-executor';
import { postgresPoolConfig, type PostgresTimeouts } from './postgres-timeouts';

export interface PostgresEventStoreOptions extends SqlEventStoreOptions {
  readonly connectionString: string;
  /** Most connections the pool opens (plus one for LISTEN). Default 10. */
  readonly maxConnections?: number;
  /** Connect, statement, lock and idle-in-transaction timeouts; see DEFAULT_POSTGRES_TIMEOUTS. */
  readonly timeouts?: Partial<PostgresTimeouts>;
}

/**
 * The event store on a PostgreSQL server. Creates its schema and table if missing, so a
 * bad connection string or missing rights fail here, at boot.
 */
export const createPostgresEventStore = async (
  options: PostgresEventStoreOptions,
): Promise<EventStore> => {
  const executor = new PostgresExecutor(
    postgresPoolConfig(options.connectionString, options.maxConnections ?? 10, options.timeouts),
  );
  const store = new SqlEventStore(executor, options);
  try {
    await store.ensureSchema();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
};
