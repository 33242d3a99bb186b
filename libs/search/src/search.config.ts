import { IsOptional, Matches } from 'class-validator';

/**
 * Where a service process keeps the search read model (L2): a PostgreSQL with pg_trgm and
 * unaccent. Composed into the configs of the processes that write or read it (the projector,
 * the gateway).
 */
export class SearchConfig {
  /** postgres://... Empty: the event store's PostgreSQL (EVENT_STORE_URL), when it is one. */
  @IsOptional()
  @Matches(/^(postgres(ql)?:\/\/.*)?$/, { message: 'must be a postgres:// URL or empty' })
  SEARCH_DATABASE_URL: string = '';
  /**
   * The schema of the search tables. Empty: `{EVENT_STORE_SCHEMA}_search`, so the index (and the
   * position it caught up through) belongs to the one event log it is made from.
   */
  @IsOptional()
  @Matches(/^([a-z_][a-z0-9_]{0,62})?$/, {
    message: 'must be a lower-case SQL identifier of at most 63 characters, or empty',
  })
  SEARCH_SCHEMA: string = '';
}

/**
 * The search database's URL: SEARCH_DATABASE_URL, else the event store's when that is a
 * PostgreSQL. An event store elsewhere (EventStoreDB) and no SEARCH_DATABASE_URL stop the process
 * with a message naming the variable.
 */
export const searchDatabaseUrl = (config: SearchConfig, eventStoreUrl: string): string => {
  if (config.SEARCH_DATABASE_URL !== '') return config.SEARCH_DATABASE_URL;
  if (/^postgres(ql)?:\/\//.test(eventStoreUrl)) return eventStoreUrl;
  throw new Error(
    'SEARCH_DATABASE_URL: must be a postgres:// URL when the event store (EVENT_STORE_URL) is not PostgreSQL',
  );
};

/** The search tables' schema: SEARCH_SCHEMA, else the event store's schema with `_search`. */
export const searchSchema = (config: SearchConfig, eventStoreSchema: string): string =>
  config.SEARCH_SCHEMA !== '' ? config.SEARCH_SCHEMA : `${eventStoreSchema}_search`;
