/**
 * The read store port (docs/architecture.md, Read models): document collections queried and
 * updated with MongoDB's query and update documents, so the same projection and query code runs
 * on MongoDB and FerretDB 1.x (one adapter, mongoose) and on the embedded in-memory adapter,
 * which evaluates those documents in process.
 *
 * The operators are the common ground of MongoDB and FerretDB 1.x (1.24.2, on PostgreSQL), as
 * the contract suite checks on every adapter:
 * - query: equality on dotted paths, $eq $ne $gt $gte $lt $lte $in $nin $exists $regex with
 *   $options, $not, $size, $all of plain values, $elemMatch with one value operator ($eq $gt
 *   $gte $lt $lte $in $regex) compared with scalars, $and $or $nor;
 * - update: $set $unset $inc $push (with $each) $addToSet (with $each) $pull (of a plain value)
 *   $setOnInsert $min $max.
 * Every adapter refuses anything else before it runs, with an Error naming the operator (and,
 * for a MongoDB form FerretDB 1.x lacks or answers differently, saying so): an error, never a
 * silent mismatch between adapters or servers. Refused for that reason: $elemMatch with a field
 * query or several operators, $all with $elemMatch or a RegExp, $push's $slice $position and
 * $sort, and $pull by condition, by operator or by RegExp.
 */

/** Every document has a string `_id`. */
export interface ReadDocument {
  _id: string;
  [field: string]: unknown;
}

/** A MongoDB query document of the port's operators: `{ workspaceId: 'w1', unreadCount: { $gt: 0 } }`. */
export type Filter = Readonly<Record<string, unknown>>;

/** A MongoDB update document of the port's operators: `{ $set: {...}, $inc: {...}, $push: {...} }`. */
export type Update = Readonly<Record<string, unknown>>;

/** `{ lastActivityAt: -1, _id: -1 }` */
export type Sort = Readonly<Record<string, 1 | -1>>;

export interface FindOptions {
  readonly sort?: Sort;
  readonly limit?: number;
  readonly skip?: number;
}

export interface UpdateResult {
  readonly matchedCount: number;
  readonly modifiedCount: number;
  /** The `_id` of the document an upsert inserted, if it did. */
  readonly upsertedId: string | null;
}

export interface IndexSpec {
  readonly keys: Readonly<Record<string, 1 | -1>>;
  readonly unique?: boolean;
  readonly name?: string;
}

export interface ReadCollection<T extends ReadDocument = ReadDocument> {
  findOne(filter: Filter): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  countDocuments(filter: Filter): Promise<number>;
  /** Apply `update` to the first match; with `upsert`, insert one built from the filter's equalities and the update. */
  updateOne(
    filter: Filter,
    update: Update,
    options?: { readonly upsert?: boolean },
  ): Promise<UpdateResult>;
  /** Replace the whole document with `_id`, inserting it if missing. */
  replaceOne(
    filter: Filter,
    replacement: T,
    options?: { readonly upsert?: boolean },
  ): Promise<UpdateResult>;
  deleteMany(filter: Filter): Promise<number>;
  /** Throws DuplicateKeyError when a unique index meets documents that already share a key. */
  createIndex(spec: IndexSpec): Promise<void>;
}

export interface ReadStore {
  /**
   * A handle on the collection `name`. Handles are cheap to keep: one taken once stays valid
   * across dropAll and dropCollection (the collection comes back on the next write).
   */
  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T>;
  /**
   * Create the collection `name` now if it does not exist; an existing one (documents, indexes)
   * is kept, and concurrent callers all succeed. Writes create collections anyway: this is for
   * one that must exist before anyone reads it, because FerretDB fails a find that races the
   * collection's creation ("relation does not exist").
   */
  ensureCollection(name: string): Promise<void>;
  /** Drop every collection (rebuild from position zero, O4). */
  dropAll(): Promise<void>;
  /** Drop one collection with its documents and indexes; nothing happens if it does not exist. */
  dropCollection(name: string): Promise<void>;
  close(): Promise<void>;
}
