import type { PGlite } from '@electric-sql/pglite';
import type { SqlExecutor, SqlQueryable } from '../sql/sql-executor';

/**
 * SqlExecutor over one PGlite instance. PGlite is a single connection: it runs one
 * transaction at a time and queues the rest, so appends are serialised by construction.
 */
export class PgliteExecutor implements SqlExecutor {
  private readonly unlisteners = new Set<() => Promise<void>>();

  constructor(
    private readonly db: PGlite,
    /** Whether close() closes the PGlite too (false when the caller lent it). */
    private readonly ownership: { readonly owned: boolean },
  ) {}

  async query<Row extends object>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.db.query<Row>(text, [...params])).rows;
  }

  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) =>
      work({
        query: async <Row extends object>(text: string, params: readonly unknown[] = []) =>
          (await tx.query<Row>(text, [...params])).rows,
      }),
    );
  }

  async listen(
    channel: string,
    onNotification: () => void,
    _onLost: () => void,
  ): Promise<() => Promise<void>> {
    // In process: the listener cannot be lost while the instance is open.
    const unlisten = await this.db.listen(channel, () => onNotification());
    const stop = async (): Promise<void> => {
      if (!this.unlisteners.delete(stop)) return;
      if (!this.db.closed) await unlisten();
    };
    this.unlisteners.add(stop);
    return stop;
  }

  async close(): Promise<void> {
    await Promise.all([...this.unlisteners].map((stop) => stop()));
    if (this.ownership.owned && !this.db.closed) await this.db.close();
  }
}
