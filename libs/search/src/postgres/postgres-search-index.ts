import { Pool } from 'pg';
import { postgresPoolConfig, type PostgresTimeouts } from '@parley/eventstore';
import type { SearchIndex } from '../search-index.port';
import { WORD_SIMILARITY_THRESHOLD } from '../sql/search-schema';
import type { SearchSql } from '../sql/search-sql';
import { SqlSearchIndex, type SqlSearchIndexOptions } from '../sql/sql-search-index';

export interface PostgresSearchIndexOptions extends SqlSearchIndexOptions {
  readonly connectionString: string;
  /** Most connections the pool opens. Default 10. */
  readonly maxConnections?: number;
  /** Connect, statement, lock and idle-in-transaction timeouts (the event store's defaults). */
  readonly timeouts?: Partial<PostgresTimeouts>;
}

/**
 * The settings of every search session: misspelt names found at the same similarity
 * (search-schema.ts), and no JIT compilation. A search plan's estimated cost passes JIT's
 * threshold (it prices the branch for rare words that mostly does not run), and compiling then
 * costs more than the search itself (bench/README.md, search-at-scale).
 */
export const POSTGRES_SEARCH_SESSION_OPTIONS = `-c pg_trgm.word_similarity_threshold=${WORD_SIMILARITY_THRESHOLD} -c jit=off`;

/**
 * The search read model on a PostgreSQL server (15 here, with pg_trgm and unaccent). Creates its
 * extensions, schema and tables if missing, so a bad connection string or missing rights fail
 * here, at boot.
 */
export const createPostgresSearchIndex = async (
  options: PostgresSearchIndexOptions,
): Promise<SearchIndex> => {
  const pool = new Pool({
    ...postgresPoolConfig(options.connectionString, options.maxConnections ?? 10, options.timeouts),
    options: POSTGRES_SEARCH_SESSION_OPTIONS,
  });
  // An idle client that dies (server restart) emits 'error' on the pool; the next query reports.
  pool.on('error', () => undefined);
  const sql: SearchSql = {
    query: async <Row extends object>(text: string, params: readonly unknown[] = []) =>
      (await pool.query<Row>(text, [...params])).rows,
    close: () => pool.end(),
  };
  const index = new SqlSearchIndex(sql, options);
  try {
    await index.ensureSchema();
  } catch (error) {
    await index.close();
    throw error;
  }
  return index;
};
