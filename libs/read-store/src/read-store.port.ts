/**
 * The read store port (ARCHITECTURE.md, Read models): document collections queried and updated
 * with MongoDB's query and update documents, so the same projection and query code runs on
 * MongoDB (mongoose) and on the embedded in-memory adapter, which evaluates those documents in
 * process. Supported operators are listed in the contract suite; anything else is an error,
 * never a silent mismatch between adapters.
 */

/** Every document has a string `_id`. */
export interface ReadDocument {
  _id: string;
  [field: string]: unknown;
}

/** A MongoDB query document: `{ workspaceId: 'w1', unreadCount: { $gt: 0 } }`. */
export type Filter = Readonly<Record<string, unknown>>;

/** A MongoDB update document: `{ $set: {...}, $inc: {...}, $push: {...} }`. */
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
  createIndex(spec: IndexSpec): Promise<void>;
}

export interface ReadStore {
  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T>;
  /** Drop every collection (rebuild from position zero, O4). */
  dropAll(): Promise<void>;
  close(): Promise<void>;
}
