import type { EventStore } from '../event-store.port';
import { SqlEventStore, type SqlEventStoreOptions } from '../sql/sql-event-store';
import { PostgresExecutor } from './postgres-executor';

export interface PostgresEventStoreOptions extends SqlEventStoreOptions {
  readonly connectionString: string;
  /** Most connections the pool opens (plus one for LISTEN). Default 10. */
  readonly maxConnections?: number;
}

/**
 * The event store on a PostgreSQL server. Creates its schema and table if missing, so a
 * bad connection string or missing rights fail here, at boot.
 */
export const createPostgresEventStore = async (
  options: PostgresEventStoreOptions,
): Promise<EventStore> => {
  const executor = new PostgresExecutor({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
  });
  const store = new SqlEventStore(executor, options);
  try {
    await store.ensureSchema();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
};
