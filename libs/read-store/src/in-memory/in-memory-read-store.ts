import { DuplicateKeyError } from '../duplicate-key-error';
import { indexNameOf } from '../index-name';
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
import { splitPath, valueAtPath } from './document-paths';
import { deepCopy, deepEqual } from './document-values';
import { matchesFilter, validateFilter } from './query-matcher';
import { pageOfDocuments } from './sort-documents';
import { applyUpdate, upsertSeed } from './update-applier';

/**
 * The embedded read store (docs/architecture.md, Read models): collections kept in Maps by `_id`,
 * MongoDB query and update documents evaluated in process. Every operation runs to the end
 * without awaiting, so each is atomic. Documents are copied in and out: nothing a caller holds
 * aliases what the store keeps. Unique indexes are enforced; other indexes only record intent.
 */

interface UniqueIndex {
  readonly name: string;
  readonly paths: readonly (readonly string[])[];
  readonly fields: readonly string[];
  /** Key of the indexed values → `_id` of the document holding them. */
  readonly owners: Map<string, string>;
}

interface CollectionState {
  readonly documents: Map<string, ReadDocument>;
  readonly indexes: Map<string, IndexSpec>;
  readonly unique: Map<string, UniqueIndex>;
}

const indexedValues = (index: UniqueIndex, document: ReadDocument): unknown[] =>
  // A missing field is indexed as null, so two documents without it collide (as in MongoDB).
  index.paths.map((parts) => valueAtPath(document, parts) ?? null);

const keyOf = (values: readonly unknown[]): string =>
  JSON.stringify(values, (_key, value: unknown) =>
    value instanceof Date ? { $date: value.toISOString() } : value,
  );

const requireStringId = (document: { readonly _id?: unknown }, what: string): string => {
  if (typeof document._id !== 'string') {
    throw new Error(
      `${what} needs a string _id (in the filter or the document), got ${JSON.stringify(document._id)}`,
    );
  }
  return document._id;
};

class InMemoryCollection<T extends ReadDocument> implements ReadCollection<T> {
  constructor(
    private readonly name: string,
    private readonly state: () => CollectionState,
  ) {}

  async findOne(filter: Filter): Promise<T | null> {
    const found = this.matching(filter).next();
    return found.done ? null : (deepCopy(found.value) as T);
  }

  async find(filter: Filter, options?: FindOptions): Promise<T[]> {
    return pageOfDocuments([...this.matching(filter)], options).map((d) => deepCopy(d) as T);
  }

  async countDocuments(filter: Filter): Promise<number> {
    let count = 0;
    for (const _ of this.matching(filter)) count += 1;
    return count;
  }

  async updateOne(
    filter: Filter,
    update: Update,
    options?: { readonly upsert?: boolean },
  ): Promise<UpdateResult> {
    const found = this.matching(filter).next();
    if (!found.done) {
      const updated = applyUpdate(found.value, update);
      const modified = !deepEqual(updated, found.value);
      if (modified) this.write(updated, found.value);
      return { matchedCount: 1, modifiedCount: modified ? 1 : 0, upsertedId: null };
    }
    if (!options?.upsert) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
    const inserted = applyUpdate(upsertSeed(filter), update, { inserting: true }) as ReadDocument;
    const id = requireStringId(inserted, 'An upsert');
    this.write(inserted, null);
    return { matchedCount: 0, modifiedCount: 0, upsertedId: id };
  }

  async replaceOne(
    filter: Filter,
    replacement: T,
    options?: { readonly upsert?: boolean },
  ): Promise<UpdateResult> {
    for (const key of Object.keys(replacement)) {
      if (key.startsWith('$'))
        throw new Error(`A replacement may not hold operators, found '${key}'`);
    }
    const found = this.matching(filter).next();
    if (!found.done) {
      if (replacement._id !== undefined && replacement._id !== found.value._id) {
        throw new Error("A replacement may not change the immutable field '_id'");
      }
      const replaced = { ...deepCopy(replacement), _id: found.value._id } as ReadDocument;
      const modified = !deepEqual(replaced, found.value);
      if (modified) this.write(replaced, found.value);
      return { matchedCount: 1, modifiedCount: modified ? 1 : 0, upsertedId: null };
    }
    if (!options?.upsert) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
    const seedId = upsertSeed(filter)['_id'];
    const inserted = deepCopy({ ...replacement, _id: replacement._id ?? seedId }) as ReadDocument;
    const id = requireStringId(inserted, 'An upsert');
    this.write(inserted, null);
    return { matchedCount: 0, modifiedCount: 0, upsertedId: id };
  }

  async deleteMany(filter: Filter): Promise<number> {
    const doomed = [...this.matching(filter)];
    const state = this.state();
    for (const document of doomed) {
      for (const index of state.unique.values())
        index.owners.delete(keyOf(indexedValues(index, document)));
      state.documents.delete(document._id);
    }
    return doomed.length;
  }

  async createIndex(spec: IndexSpec): Promise<void> {
    const fields = Object.keys(spec.keys);
    if (fields.length === 0) throw new Error('An index needs at least one key');
    const name = indexNameOf(spec);
    const state = this.state();
    const existing = state.indexes.get(name);
    if (existing) {
      if (
        !deepEqual(existing.keys, spec.keys) ||
        Boolean(existing.unique) !== Boolean(spec.unique)
      ) {
        throw new Error(`Index '${name}' already exists with different keys or options`);
      }
      return;
    }
    if (spec.unique) {
      const index: UniqueIndex = {
        name,
        fields,
        paths: fields.map(splitPath),
        owners: new Map(),
      };
      for (const document of state.documents.values()) {
        const values = indexedValues(index, document);
        const key = keyOf(values);
        if (index.owners.has(key)) throw this.duplicate(index, values);
        index.owners.set(key, document._id);
      }
      state.unique.set(name, index);
    }
    state.indexes.set(name, { ...spec, keys: { ...spec.keys }, name });
  }

  /** Documents matching `filter`, in insertion order; a string `_id` equality is a lookup. */
  private *matching(filter: Filter): Generator<ReadDocument> {
    validateFilter(filter);
    const { documents } = this.state();
    const id = filter['_id'];
    if (typeof id === 'string') {
      const document = documents.get(id);
      if (document && matchesFilter(document, filter)) yield document;
      return;
    }
    for (const document of documents.values()) if (matchesFilter(document, filter)) yield document;
  }

  /** Store `next` (replacing `previous`, if any) after checking every unique index. */
  private write(next: ReadDocument, previous: ReadDocument | null): void {
    const state = this.state();
    const keys = [...state.unique.values()].map((index) => {
      const values = indexedValues(index, next);
      const key = keyOf(values);
      const owner = index.owners.get(key);
      if (owner !== undefined && owner !== next._id) throw this.duplicate(index, values);
      return { index, key };
    });
    if (previous === null && state.documents.has(next._id)) {
      throw this.duplicate({ name: '_id_', fields: ['_id'] }, [next._id]);
    }
    for (const { index, key } of keys) {
      if (previous) index.owners.delete(keyOf(indexedValues(index, previous)));
      index.owners.set(key, next._id);
    }
    state.documents.set(next._id, deepCopy(next));
  }

  private duplicate(
    index: Pick<UniqueIndex, 'name' | 'fields'>,
    values: readonly unknown[],
  ): DuplicateKeyError {
    return new DuplicateKeyError(
      this.name,
      index.name,
      Object.fromEntries(index.fields.map((field, i) => [field, values[i]])),
    );
  }
}

class InMemoryReadStore implements ReadStore {
  private collections = new Map<string, CollectionState>();
  private closed = false;

  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T> {
    if (name === '' || name.includes('$')) throw new Error(`Invalid collection name '${name}'`);
    // The handle looks its state up on every call, so it keeps working after dropAll().
    return new InMemoryCollection<T>(name, () => this.stateOf(name));
  }

  async dropAll(): Promise<void> {
    this.assertOpen();
    this.collections = new Map();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.collections = new Map();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The in-memory read store is closed');
  }

  private stateOf(name: string): CollectionState {
    this.assertOpen();
    let state = this.collections.get(name);
    if (!state) {
      state = { documents: new Map(), indexes: new Map(), unique: new Map() };
      this.collections.set(name, state);
    }
    return state;
  }
}

/** A read store held in this process's memory (the embedded default; also for tests). */
export const createInMemoryReadStore = (): ReadStore => new InMemoryReadStore();
