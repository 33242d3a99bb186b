import type { PGlite } from '@electric-sql/pglite';
import type { EventStore } from '../event-store.port';
import { SqlEventStore, type SqlEventStoreOptions } from '../sql/sql-event-store';
import { openPglite } from './open-pglite';
import { PgliteExecutor } from './pglite-executor';

export interface PgliteEventStoreOptions extends SqlEventStoreOptions {
  /** Directory of the database files; omit for an in-memory database that ends with close(). */
  readonly dataDir?: string;
  /**
   * An open PGlite to use instead of opening one (e.g. shared with other embedded stores in
   * one data directory). The event store does not close it. Excludes `dataDir`.
   */
  readonly pglite?: PGlite;
}

/**
 * The embedded event store: PostgreSQL compiled to WASM, in this process, with the same SQL as
 * the PostgreSQL adapter. One PGlite per data directory (it is single-process).
 */
export const createPgliteEventStore = async (
  options: PgliteEventStoreOptions = {},
): Promise<EventStore> => {
  if (options.pglite && options.dataDir !== undefined) {
    throw new Error('createPgliteEventStore: give either dataDir or pglite, not both');
  }
  const executor = options.pglite
    ? new PgliteExecutor(options.pglite, { owned: false })
    : new PgliteExecutor(await openPglite(options.dataDir), { owned: true });
  const store = new SqlEventStore(executor, options);
  try {
    await store.ensureSchema();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
};
