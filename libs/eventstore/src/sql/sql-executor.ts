/** What the SQL event store needs from a connection: PostgreSQL over `pg`, or PGlite. */
export interface SqlQueryable {
  /** Run one statement with $1..$n parameters; resolve to its rows. */
  query<Row extends object>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface SqlExecutor extends SqlQueryable {
  /** Run `work` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /**
   * LISTEN on a channel. `onNotification` is called for each NOTIFY; `onLost` when the
   * listening connection breaks (the store then relies on polling until it listens again).
   * Resolves to a function that stops listening.
   */
  listen(
    channel: string,
    onNotification: () => void,
    onLost: () => void,
  ): Promise<() => Promise<void>>;
  /** Release every connection. */
  close(): Promise<void>;
}

/** The SQLSTATE of a PostgreSQL error (both `pg` and PGlite put it on `code`). */
export const sqlStateOf = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
};

/** The constraint a unique violation (23505) broke, when the driver says. */
export const constraintOf = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null || !('constraint' in error)) return undefined;
  const constraint = (error as { constraint: unknown }).constraint;
  return typeof constraint === 'string' ? constraint : undefined;
};

export const UNIQUE_VIOLATION = '23505';
