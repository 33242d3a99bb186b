/** What the SQL search index needs from a connection: PostgreSQL over `pg`, or PGlite. */
export interface SearchSql {
  /** Run one statement with $1..$n parameters; resolve to its rows. */
  query<Row extends object>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Release the connections (a lent PGlite stays open). */
  close(): Promise<void>;
}

/** The SQLSTATE of a PostgreSQL error (both `pg` and PGlite put it on `code`). */
export const sqlStateOf = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
};
