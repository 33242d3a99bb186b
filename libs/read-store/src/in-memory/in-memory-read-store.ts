import { DuplicateKeyError } from '../duplicate-key-error';
import { indexNameOf } from '../index-name';
import type {
  Filter,
  FindOptions,
  IndexSpec,
  ReadCollection,
  ReadDocument,
  ReadStore,
  Sort,
  Update,
  UpdateResult,
} from '../read-store.port';
import { deepCopy, deepEqual } from './document-values';
import { planQuery, type IndexPlan } from './index-plan';
import { OrderedIndex } from './ordered-index';
import { compileFilter } from './query-matcher';
import { pageOfDocuments, pageWindow, sortDocuments } from './sort-documents';
import { applyUpdate, upsertSeed } from './update-applier';

/**
 * The embedded read store (docs/architecture.md, Read models): collections kept in Maps by `_id`,
 * MongoDB query documents evaluated by mingo and update documents in process. Every operation
 * runs to the end without awaiting, so each is atomic. Documents are copied in and out: nothing a
 * caller holds aliases what the store keeps. Every index created is kept in order on each write
 * (ordered-index.ts); a query with equality on an index's leading fields reads only that range,
 * and a sort on its next fields walks it in order and stops at the page's end (index-plan.ts).
 * Answers are the same as a scan's, in the same order (ties keep insertion order).
 */

interface StoredDocument {
  readonly document: ReadDocument;
  /** Insertion number: the order a scan meets documents in, and the tie-break of every index. */
  readonly seq: number;
}

interface CollectionState {
  readonly documents: Map<string, StoredDocument>;
  readonly indexes: Map<string, OrderedIndex>;
  nextSeq: number;
}

type Test = (document: unknown) => boolean;

const requireStringId = (document: { readonly _id?: unknown }, what: string): string => {
  if (typeof document._id !== 'string') {
    throw new Error(
      `${what} needs a string _id (in the filter or the document), got ${JSON.stringify(document._id)}`,
    );
  }
  return document._id;
};

const bySeq = (a: StoredDocument, b: StoredDocument): number => a.seq - b.seq;

/** The ids of an `_id: { $in: [...] }` condition when all are strings: lookups, not a scan. */
const stringIdsIn = (condition: unknown): readonly string[] | undefined => {
  if (typeof condition !== 'object' || condition === null) return undefined;
  const keys = Object.keys(condition);
  const ids = (condition as { readonly $in?: unknown }).$in;
  if (keys.length !== 1 || !Array.isArray(ids)) return undefined;
  return ids.every((each): each is string => typeof each === 'string') ? ids : undefined;
};

class InMemoryCollection<T extends ReadDocument> implements ReadCollection<T> {
  constructor(
    private readonly name: string,
    private readonly state: () => CollectionState,
  ) {}

  async findOne(filter: Filter): Promise<T | null> {
    const [found] = this.matching(filter, 1);
    return found ? (deepCopy(found) as T) : null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const test = compileFilter(filter);
    const window = pageWindow(options);
    const plan = planQuery(this.state().indexes.values(), filter, options.sort);
    const page =
      plan && options.sort && typeof filter['_id'] !== 'string'
        ? this.walk(plan, test, options.sort, window.end).slice(window.start, window.end)
        : pageOfDocuments(this.matching(filter, Infinity, test), options);
    return page.map((d) => deepCopy(d) as T);
  }

  async countDocuments(filter: Filter): Promise<number> {
    return this.matching(filter).length;
  }

  async updateOne(
    filter: Filter,
    update: Update,
    options?: { readonly upsert?: boolean },
  ): Promise<UpdateResult> {
    const [found] = this.matching(filter, 1);
    if (found) {
      const updated = applyUpdate(found, update);
      const modified = !deepEqual(updated, found);
      if (modified) this.write(updated, found);
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
    const [found] = this.matching(filter, 1);
    if (found) {
      if (replacement._id !== undefined && replacement._id !== found._id) {
        throw new Error("A replacement may not change the immutable field '_id'");
      }
      const replaced = { ...deepCopy(replacement), _id: found._id } as ReadDocument;
      const modified = !deepEqual(replaced, found);
      if (modified) this.write(replaced, found);
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
    const doomed = this.matching(filter);
    const state = this.state();
    for (const document of doomed) {
      for (const index of state.indexes.values()) index.remove(document._id);
      state.documents.delete(document._id);
    }
    return doomed.length;
  }

  async createIndex(spec: IndexSpec): Promise<void> {
    if (Object.keys(spec.keys).length === 0) throw new Error('An index needs at least one key');
    const name = indexNameOf(spec);
    const state = this.state();
    const existing = state.indexes.get(name);
    if (existing) {
      if (
        !deepEqual(existing.spec.keys, spec.keys) ||
        Boolean(existing.spec.unique) !== Boolean(spec.unique)
      ) {
        throw new Error(`Index '${name}' already exists with different keys or options`);
      }
      return;
    }
    const index = new OrderedIndex({ ...spec, keys: { ...spec.keys }, name });
    for (const { document, seq } of state.documents.values()) {
      const key = index.keyOf(document);
      if (index.unique && index.holderOf(key, document._id) !== undefined) {
        throw this.duplicate(index, key);
      }
      index.put(document, seq);
    }
    state.indexes.set(name, index);
  }

  /**
   * Documents matching `filter` in insertion order (at most `limit`): a string `_id` equality or
   * `$in` of string ids is a lookup, equality on an index's leading fields reads that index's
   * range, else a scan.
   */
  private matching(
    filter: Filter,
    limit = Infinity,
    test: Test = compileFilter(filter),
  ): ReadDocument[] {
    const { documents, indexes } = this.state();
    const id = filter['_id'];
    if (typeof id === 'string') {
      const stored = documents.get(id);
      return stored && test(stored.document) ? [stored.document] : [];
    }
    const ids = stringIdsIn(id);
    if (ids) {
      // Found by its id, a document matches a filter of nothing else without a test.
      const onlyIds = Object.keys(filter).length === 1;
      const found: StoredDocument[] = [];
      for (const each of new Set(ids)) {
        const stored = documents.get(each);
        if (stored && (onlyIds || test(stored.document))) found.push(stored);
      }
      return found
        .sort(bySeq)
        .slice(0, limit)
        .map((stored) => stored.document);
    }
    const plan = planQuery(indexes.values(), filter, {}, true);
    if (plan) {
      const found: StoredDocument[] = [];
      for (const entry of plan.index.entriesBetween(plan.start, plan.end)) {
        const stored = documents.get(entry.id) as StoredDocument;
        if (test(stored.document)) found.push(stored);
      }
      return found
        .sort(bySeq)
        .slice(0, limit)
        .map((stored) => stored.document);
    }
    const found: ReadDocument[] = [];
    for (const { document } of documents.values()) {
      if (found.length >= limit) break;
      if (test(document)) found.push(document);
    }
    return found;
  }

  /**
   * The matching documents of `plan`'s range in `sort` order, walking the index: entries that
   * tie on the fields it orders form a group, sorted on the remaining keys (from insertion
   * order, as a scan would); the walk stops once whole groups fill the page.
   */
  private walk(plan: IndexPlan, test: Test, sort: Sort, wanted = Infinity): ReadDocument[] {
    const { documents } = this.state();
    const { index, orderedFrom, orderedTo } = plan;
    const out: ReadDocument[] = [];
    let group: StoredDocument[] = [];
    let groupKey: readonly unknown[] | undefined;
    const flush = (): void => {
      out.push(
        ...sortDocuments(
          group.sort(bySeq).map((stored) => stored.document),
          sort,
        ),
      );
      group = [];
    };
    for (const entry of index.entriesBetween(plan.start, plan.end, plan.direction)) {
      if (groupKey && !index.equalOn(groupKey, entry.key, orderedFrom, orderedTo)) {
        flush();
        if (out.length >= wanted) return out;
      }
      groupKey = entry.key;
      const stored = documents.get(entry.id) as StoredDocument;
      if (test(stored.document)) group.push(stored);
    }
    flush();
    return out;
  }

  /** Store `next` (replacing `previous`, if any) after checking every unique index. */
  private write(next: ReadDocument, previous: ReadDocument | null): void {
    const state = this.state();
    for (const index of state.indexes.values()) {
      if (!index.unique) continue;
      const key = index.keyOf(next);
      if (index.holderOf(key, next._id) !== undefined) throw this.duplicate(index, key);
    }
    if (previous === null && state.documents.has(next._id)) {
      throw new DuplicateKeyError(this.name, '_id_', { _id: next._id });
    }
    const seq = state.documents.get(next._id)?.seq ?? state.nextSeq++;
    const document = deepCopy(next);
    state.documents.set(next._id, { document, seq });
    for (const index of state.indexes.values()) index.put(document, seq);
  }

  private duplicate(index: OrderedIndex, key: readonly unknown[]): DuplicateKeyError {
    return new DuplicateKeyError(
      this.name,
      index.name,
      Object.fromEntries(index.fields.map((field, i) => [field, key[i]])),
    );
  }
}

const assertValidName = (name: string): void => {
  if (name === '' || name.includes('$')) throw new Error(`Invalid collection name '${name}'`);
};

class InMemoryReadStore implements ReadStore {
  private collections = new Map<string, CollectionState>();
  private closed = false;

  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T> {
    assertValidName(name);
    // The handle looks its state up on every call, so it keeps working after dropAll().
    return new InMemoryCollection<T>(name, () => this.stateOf(name));
  }

  async ensureCollection(name: string): Promise<void> {
    assertValidName(name);
    this.stateOf(name);
  }

  async dropAll(): Promise<void> {
    this.assertOpen();
    this.collections = new Map();
  }

  async dropCollection(name: string): Promise<void> {
    this.assertOpen();
    this.collections.delete(name);
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
      state = { documents: new Map(), indexes: new Map(), nextSeq: 0 };
      this.collections.set(name, state);
    }
    return state;
  }
}

/** A read store held in this process's memory (the embedded default; also for tests). */
export const createInMemoryReadStore = (): ReadStore => new InMemoryReadStore();
