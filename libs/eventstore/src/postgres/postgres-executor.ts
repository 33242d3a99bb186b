import { Client, Pool, type PoolConfig } from 'pg';
import type { SqlExecutor, SqlQueryable } from '../sql/sql-executor';

/** SqlExecutor over a `pg` Pool; LISTEN runs on a dedicated client of its own. */
export class PostgresExecutor implements SqlExecutor {
  private readonly pool: Pool;
  private readonly listeners = new Set<Client>();

  constructor(private readonly config: PoolConfig) {
    this.pool = new Pool(config);
    // An idle client that dies (server restart) emits 'error' on the pool; without a handler
    // Node would crash. The next query gets a fresh connection and reports any real problem.
    this.pool.on('error', () => undefined);
  }

  async query<Row extends object>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.pool.query<Row>(text, [...params]);
    return result.rows;
  }

  async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work({
        query: async <Row extends object>(text: string, params: readonly unknown[] = []) =>
          (await client.query<Row>(text, [...params])).rows,
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      // A client whose ROLLBACK failed is in an unknown state: destroy it, not reuse it.
      client.release(broken);
    }
  }

  async listen(
    channel: string,
    onNotification: () => void,
    onLost: () => void,
  ): Promise<() => Promise<void>> {
    const client = new Client(this.config);
    let stopped = false;
    const lost = (): void => {
      if (stopped) return;
      stopped = true;
      this.listeners.delete(client);
      void client.end().catch(() => undefined);
      onLost();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel === channel) onNotification();
    });
    await client.connect();
    this.listeners.add(client);
    try {
      // The channel is a validated lower-case identifier (see schema.ts).
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      stopped = true;
      this.listeners.delete(client);
      await client.end().catch(() => undefined);
      throw error;
    }
    return async () => {
      if (stopped) return;
      stopped = true;
      this.listeners.delete(client);
      await client.end().catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.listeners].map((client) => client.end().catch(() => undefined)));
    this.listeners.clear();
    await this.pool.end();
  }
}
