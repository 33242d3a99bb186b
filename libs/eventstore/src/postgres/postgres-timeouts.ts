import type { PoolConfig } from 'pg';

/**
 * How long a PostgreSQL connection may wait before it gives up, so a paused or failed-over
 * server turns into an error the caller retries, never a request or a consumer stuck for ever.
 */
export interface PostgresTimeouts {
  /** Opening a connection. */
  readonly connectMs: number;
  /** One statement, server side. */
  readonly statementMs: number;
  /** Waiting for a lock (the append's advisory lock among them), server side. */
  readonly lockMs: number;
  /** A transaction left open without a statement: the server ends the session. */
  readonly idleInTransactionMs: number;
}

export const DEFAULT_POSTGRES_TIMEOUTS: PostgresTimeouts = {
  connectMs: 5_000,
  statementMs: 30_000,
  lockMs: 10_000,
  idleInTransactionMs: 60_000,
};

/** A `pg` pool (or client) configuration with the timeouts set. */
export const postgresPoolConfig = (
  connectionString: string,
  max: number,
  timeouts: Partial<PostgresTimeouts> = {},
): PoolConfig => {
  const t = { ...DEFAULT_POSTGRES_TIMEOUTS, ...timeouts };
  return {
    connectionString,
    max,
    connectionTimeoutMillis: t.connectMs,
    statement_timeout: t.statementMs,
    lock_timeout: t.lockMs,
    idle_in_transaction_session_timeout: t.idleInTransactionMs,
  };
};
