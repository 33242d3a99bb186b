import type { PGlite, QueryOptions } from '@electric-sql/pglite';
import type { SqlExecutor, SqlQueryable } from '../sql/sql-executor';

/** PostgreSQL's type OIDs of `json` and `jsonb`. */
const JSON_OID = 114;
const JSONB_OID = 3802;

/**
 * json and jsonb parsed by this module's `JSON.parse`. PGlite is loaded through Node's own
 * module loader (open-pglite.ts), so under Jest its built-in parser belongs to another realm:
 * the objects it makes have that realm's `Object.prototype`, and `instanceof` and
 * class-transformer (which reads events' discriminated unions) refuse them. Parsed here, an
 * event's data and metadata are ordinary objects in every runtime, as `pg` returns them.
 */
const QUERY_OPTIONS: QueryOptions = {
  parsers: {
    [JSON_OID]: (text: string) => JSON.parse(text) as unknown,
    [JSONB_OID]: (text: string) => JSON.parse(text) as unknown,
  },
};

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
    return (await this.db.query<Row>(text, [...params], QUERY_OPTIONS)).rows;
  }

  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) =>
      work({
        query: async <Row extends object>(text: string, params: readonly unknown[] = []) =>
          (await tx.query<Row>(text, [...params], QUERY_OPTIONS)).rows,
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
