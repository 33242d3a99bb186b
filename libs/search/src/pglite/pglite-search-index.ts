import type { PGlite } from '@electric-sql/pglite';
import type { SearchIndex } from '../search-index.port';
import type { SearchSql } from '../sql/search-sql';
import { SqlSearchIndex, type SqlSearchIndexOptions } from '../sql/sql-search-index';
import { openSearchPglite, setSimilarityThreshold } from './open-search-pglite';

export interface PgliteSearchIndexOptions extends SqlSearchIndexOptions {
  /** Directory of the database files; omit for an in-memory database that ends with close(). */
  readonly dataDir?: string;
  /**
   * An open PGlite to use instead (opened with `openSearchPglite`, for its extensions). The
   * index does not close it. Excludes `dataDir`.
   */
  readonly pglite?: PGlite;
}

/**
 * The embedded search read model: PostgreSQL compiled to WASM, in this process, with its pg_trgm
 * and unaccent extensions and the same SQL as the PostgreSQL adapter.
 */
export const createPgliteSearchIndex = async (
  options: PgliteSearchIndexOptions = {},
): Promise<SearchIndex> => {
  if (options.pglite && options.dataDir !== undefined) {
    throw new Error('createPgliteSearchIndex: give either dataDir or pglite, not both');
  }
  const owned = !options.pglite;
  const db = options.pglite ?? (await openSearchPglite(options.dataDir));
  if (!owned) await setSimilarityThreshold(db);
  const sql: SearchSql = {
    query: async <Row extends object>(text: string, params: readonly unknown[] = []) =>
      (await db.query<Row>(text, [...params])).rows,
    close: async () => {
      if (owned && !db.closed) await db.close();
    },
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
