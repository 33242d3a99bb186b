import mongoose from 'mongoose';
import { DuplicateKeyError } from '../duplicate-key-error';
import { indexNameOf } from '../index-name';
import { validateFilter } from '../in-memory/query-validation';
import { applyUpdate, upsertSeed, validateUpdate } from '../in-memory/update-applier';
import type {
  Filter,
  FindOptions,
  IndexSpec,
  ReadCollection,
  ReadDocument,
  ReadStore,
  Update,
  UpdateResult,
} from '../read-store.port';

/**
 * The read store on a MongoDB-wire server through mongoose's connection and the native driver it
 * carries: MongoDB, or FerretDB 1.x (on PostgreSQL). The port maps 1:1 onto the driver; queries
 * and updates are first checked against the port's operators, the common ground of both servers
 * that the in-memory adapter also evaluates, so a projection that runs on one runs on the other
 * and embedded. Where the two servers answer a failure differently, this adapter makes one error
 * of it.
 */

type Db = mongoose.mongo.Db;
type Collection = mongoose.mongo.Collection<ReadDocument>;

export interface MongoReadStoreOptions {
  readonly url: string;
  readonly dbName: string;
  /** How long to look for a server before giving up (default 10 s). */
  readonly serverSelectionTimeoutMS?: number;
}

const DUPLICATE_KEY = 11000;
/** `create` of a collection that exists (NamespaceExists), on MongoDB and FerretDB alike. */
const NAMESPACE_EXISTS = 48;

interface MongoServerErrorShape {
  readonly code?: unknown;
  readonly keyValue?: Record<string, unknown>;
  readonly message?: string;
}

const indexNameIn = (message: string | undefined): string =>
  /index: (\S+)/.exec(message ?? '')?.[1] ?? 'unknown';

const translated = (collection: string, error: unknown): unknown => {
  const shape = (error ?? {}) as MongoServerErrorShape;
  if (shape.code !== DUPLICATE_KEY) return error;
  return new DuplicateKeyError(collection, indexNameIn(shape.message), shape.keyValue ?? {});
};

const INTERNAL_ERROR = 1;
const UNIQUE_INDEX_NOT_CREATED = /could not create unique index "[^"]*" \(SQLSTATE 23505\)/;

/**
 * FerretDB 1.x (on PostgreSQL) answers a unique index over stored duplicates with InternalError
 * (code 1) quoting PostgreSQL's unique violation (SQLSTATE 23505), where MongoDB answers E11000.
 * Its message names PostgreSQL's index and no key, so the error names the port's index.
 */
const translatedIndexFailure = (collection: string, spec: IndexSpec, error: unknown): unknown => {
  const shape = (error ?? {}) as MongoServerErrorShape;
  if (shape.code !== INTERNAL_ERROR || !UNIQUE_INDEX_NOT_CREATED.test(shape.message ?? '')) {
    return translated(collection, error);
  }
  return new DuplicateKeyError(collection, indexNameOf(spec), {});
};

const requireUpsertId = (filter: Filter, update: Update): void => {
  const inserted = applyUpdate(upsertSeed(filter), update, { inserting: true });
  if (typeof inserted['_id'] !== 'string') {
    throw new Error(
      `An upsert needs a string _id (in the filter or the document), got ${JSON.stringify(inserted['_id'])}`,
    );
  }
};

const resultOf = (result: mongoose.mongo.UpdateResult | mongoose.mongo.Document): UpdateResult => ({
  matchedCount: Number(result['matchedCount'] ?? 0),
  modifiedCount: Number(result['modifiedCount'] ?? 0),
  upsertedId:
    result['upsertedId'] === null || result['upsertedId'] === undefined
      ? null
      : String(result['upsertedId']),
});

class MongoCollection<T extends ReadDocument> implements ReadCollection<T> {
  constructor(
    private readonly name: string,
    private readonly collection: Collection,
  ) {}

  async findOne(filter: Filter): Promise<T | null> {
    validateFilter(filter);
    return (await this.collection.findOne(filter)) as T | null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    validateFilter(filter);
    let cursor = this.collection.find(filter);
    if (options.sort) cursor = cursor.sort({ ...options.sort });
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return (await cursor.toArray()) as T[];
  }

  async countDocuments(filter: Filter): Promise<number> {
    validateFilter(filter);
    return this.collection.countDocuments(filter);
  }

  async updateOne(
    filter: Filter,
    update: Update,
    options?: { readonly upsert?: boolean },
  ): Promise<UpdateResult> {
    validateFilter(filter);
    validateUpdate(update);
    if (options?.upsert) requireUpsertId(filter, update);
    return this.translating(async () =>
      resultOf(
        await this.collection.updateOne(filter, update, { upsert: Boolean(options?.upsert) }),
      ),
    );
  }

  async replaceOne(
    filter: Filter,
    replacement: T,
    options?: { readonly upsert?: boolean },
  ): Promise<UpdateResult> {
    validateFilter(filter);
    for (const key of Object.keys(replacement)) {
      if (key.startsWith('$'))
        throw new Error(`A replacement may not hold operators, found '${key}'`);
    }
    return this.translating(async () =>
      resultOf(
        await this.collection.replaceOne(filter, replacement, { upsert: Boolean(options?.upsert) }),
      ),
    );
  }

  async deleteMany(filter: Filter): Promise<number> {
    validateFilter(filter);
    return (await this.collection.deleteMany(filter)).deletedCount;
  }

  async createIndex(spec: IndexSpec): Promise<void> {
    if (Object.keys(spec.keys).length === 0) throw new Error('An index needs at least one key');
    try {
      await this.collection.createIndex(
        { ...spec.keys },
        { unique: Boolean(spec.unique), ...(spec.name ? { name: spec.name } : {}) },
      );
    } catch (error) {
      throw translatedIndexFailure(this.name, spec, error);
    }
  }

  private async translating<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      throw translated(this.name, error);
    }
  }
}

class MongoReadStore implements ReadStore {
  constructor(
    private readonly connection: mongoose.Connection,
    private readonly db: Db,
  ) {}

  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T> {
    return new MongoCollection<T>(name, this.db.collection<ReadDocument>(name));
  }

  async ensureCollection(name: string): Promise<void> {
    try {
      await this.db.createCollection(name);
    } catch (error) {
      // Another process (or call) created it first: what was asked for is there.
      if ((error as MongoServerErrorShape | null)?.code !== NAMESPACE_EXISTS) throw error;
    }
  }

  async dropAll(): Promise<void> {
    const collections = await this.db.listCollections({}, { nameOnly: true }).toArray();
    for (const { name } of collections) {
      if (!name.startsWith('system.')) await this.db.dropCollection(name);
    }
  }

  async dropCollection(name: string): Promise<void> {
    const found = await this.db.listCollections({ name }, { nameOnly: true }).toArray();
    if (found.length > 0) await this.db.dropCollection(name);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

/** Connect to MongoDB (`mongodb://...`) and use the database `dbName` for the read models. */
export const createMongoReadStore = async (options: MongoReadStoreOptions): Promise<ReadStore> => {
  const connection = await mongoose
    .createConnection(options.url, {
      dbName: options.dbName,
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
      autoIndex: false,
      autoCreate: false,
    })
    .asPromise();
  const db = connection.db;
  if (!db) throw new Error(`MongoDB connection to ${options.dbName} has no database handle`);
  return new MongoReadStore(connection, db);
};
