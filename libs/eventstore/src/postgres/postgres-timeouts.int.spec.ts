import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@parley/test-infra';
import { DEFAULT_POSTGRES_TIMEOUTS, postgresPoolConfig } from './postgres-timeouts';

describe('PostgreSQL connection timeouts', () => {
  let db: TestDatabase;
  const pools: Pool[] = [];
  const pool = (timeouts = {}): Pool => {
    const p = new Pool(postgresPoolConfig(db.url, 2, timeouts));
    // pool.end() resolves before its idle sockets have closed, so the DROP ... WITH (FORCE)
    // below may terminate one (57P01); an idle client's error without a listener would crash
    // the worker, as it does in PostgresExecutor, which listens too.
    p.on('error', () => undefined);
    pools.push(p);
    return p;
  };

  beforeAll(async () => {
    db = await createTestDatabase('timeouts');
  });

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await db.drop();
  });

  it('given the default timeouts, when a session asks the server, then each is set there', async () => {
    const show = async (setting: string) =>
      (await pool().query<Record<string, string>>(`SHOW ${setting}`)).rows[0][setting];
    expect(await show('statement_timeout')).toBe(
      `${DEFAULT_POSTGRES_TIMEOUTS.statementMs / 1000}s`,
    );
    expect(await show('lock_timeout')).toBe(`${DEFAULT_POSTGRES_TIMEOUTS.lockMs / 1000}s`);
    expect(await show('idle_in_transaction_session_timeout')).toBe(
      `${DEFAULT_POSTGRES_TIMEOUTS.idleInTransactionMs / 60_000}min`,
    );
  });

  it('given a statement timeout, when a statement runs longer, then it fails instead of hanging', async () => {
    await expect(pool({ statementMs: 200 }).query('SELECT pg_sleep(5)')).rejects.toThrow(
      /statement timeout/,
    );
  });

  it('given a lock timeout, when a lock is held by another session, then the wait fails', async () => {
    const holder = await pool().connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(4242)');
      await expect(pool({ lockMs: 200 }).query('SELECT pg_advisory_lock(4242)')).rejects.toThrow(
        /lock timeout/,
      );
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
  });
});
