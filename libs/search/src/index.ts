export type { SearchIndex } from './search-index.port';
export { SqlSearchIndex, type SqlSearchIndexOptions } from './sql/sql-search-index';
export { DEFAULT_SEARCH_SCHEMA } from './sql/search-schema';
export {
  createPostgresSearchIndex,
  POSTGRES_SEARCH_SESSION_OPTIONS,
  type PostgresSearchIndexOptions,
} from './postgres/postgres-search-index';
export {
  createPgliteSearchIndex,
  type PgliteSearchIndexOptions,
} from './pglite/pglite-search-index';
export { openSearchPglite } from './pglite/open-search-pglite';
export { SearchConfig, searchDatabaseUrl, searchSchema } from './search.config';
