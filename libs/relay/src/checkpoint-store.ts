/** Where a subscriber remembers how far into the global log it got. */
export interface CheckpointStore {
  load(name: string): Promise<bigint | undefined>;
  save(name: string, position: bigint): Promise<void>;
}

export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, bigint>();

  async load(name: string): Promise<bigint | undefined> {
    return this.positions.get(name);
  }

  async save(name: string, position: bigint): Promise<void> {
    this.positions.set(name, position);
  }
}

/** Anything that runs parameterised SQL: a `pg` Pool and a PGlite instance both fit as they are. */
export interface PgQueryClient {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * Checkpoints in a table beside the events (PostgreSQL or PGlite, same SQL). A checkpoint only
 * moves forward, so a late write from a stopping relay cannot move it back.
 */
export class SqlCheckpointStore implements CheckpointStore {
  private ready?: Promise<void>;

  constructor(
    private readonly db: PgQueryClient,
    private readonly schema = 'parley',
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  }

  async load(name: string): Promise<bigint | undefined> {
    await this.init();
    const { rows } = await this.db.query<{ position: string }>(
      `SELECT position::text AS position FROM ${this.schema}.checkpoints WHERE name = $1`,
      [name],
    );
    return rows[0] ? BigInt(rows[0].position) : undefined;
  }

  async save(name: string, position: bigint): Promise<void> {
    await this.init();
    await this.db.query(
      `INSERT INTO ${this.schema}.checkpoints (name, position, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET position = GREATEST(${this.schema}.checkpoints.position, EXCLUDED.position),
         updated_at = now()`,
      [name, position.toString()],
    );
  }

  private init(): Promise<void> {
    this.ready ??= (async () => {
      await this.db.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await this.db.query(
        `CREATE TABLE IF NOT EXISTS ${this.schema}.checkpoints (
           name text PRIMARY KEY, position bigint NOT NULL, updated_at timestamptz NOT NULL)`,
      );
    })();
    return this.ready;
  }
}
