import type { ReadModelOperation } from '@parley/projections';
import { createInMemoryReadStore, type ReadDocument, type ReadStore } from '@parley/read-store';
import { applyOperation } from './apply-projection';

/** How many documents are read by `_id` in one query, and written back at once. */
const CHUNK = 500;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

/** The `_id` an operation's filter names by equality, or null when it names none. */
const idOf = (operation: ReadModelOperation): string | null => {
  const id = operation.filter['_id'];
  return typeof id === 'string' ? id : null;
};

/**
 * Many projection operations applied to a read store with few round trips (O4's rebuild, issue
 * 11): the documents the operations name are read from the store by `_id` in chunks, the
 * operations are applied in order to those copies in memory (the in-memory adapter evaluates the
 * same query and update documents, so the outcome is the one applying them one by one gives),
 * and each document that changed is written back once, however many operations touched it.
 *
 * Only for a store nothing else writes to meanwhile (a rebuild): a concurrent writer's change to a
 * document between the read and the write back would be overwritten.
 */
export class StagedWrites {
  private staging = createInMemoryReadStore();
  /** Per collection, the ids already read into staging (present or not in the store). */
  private loaded = new Map<string, Set<string>>();
  private changed = new Map<string, Set<string>>();
  private pending: ReadModelOperation[] = [];

  constructor(private readonly target: ReadStore) {}

  /** Queue operations; nothing reaches the store before `flush`. */
  add(operations: readonly ReadModelOperation[]): void {
    this.pending.push(...operations);
  }

  get size(): number {
    return this.pending.length;
  }

  /** Apply every queued operation and write the changed documents back. */
  async flush(): Promise<void> {
    const operations = this.pending;
    this.pending = [];
    let staged: ReadModelOperation[] = [];
    for (const operation of operations) {
      if (idOf(operation) !== null) {
        staged.push(operation);
        continue;
      }
      // An operation without an `_id` may touch any document: everything before it lands first.
      await this.applyStaged(staged);
      staged = [];
      await applyOperation(this.target, operation);
    }
    await this.applyStaged(staged);
  }

  private async applyStaged(operations: readonly ReadModelOperation[]): Promise<void> {
    if (operations.length === 0) return;
    await this.load(operations);
    for (const operation of operations) {
      if (await applyOperation(this.staging, operation)) {
        this.changedIn(operation.collection).add(idOf(operation)!);
      }
    }
    await this.writeBack();
  }

  /** Read into staging the documents the operations name that it does not hold yet. */
  private async load(operations: readonly ReadModelOperation[]): Promise<void> {
    const wanted = new Map<string, Set<string>>();
    for (const operation of operations) {
      const id = idOf(operation)!;
      const loaded = this.loaded.get(operation.collection);
      if (loaded?.has(id)) continue;
      const ids = wanted.get(operation.collection) ?? new Set<string>();
      ids.add(id);
      wanted.set(operation.collection, ids);
    }
    for (const [collection, ids] of wanted) {
      const source = this.target.collection(collection);
      const staging = this.staging.collection(collection);
      for (const chunk of chunks([...ids], CHUNK)) {
        // One equality per id, in parallel: FerretDB 1.x pushes `_id` equality down to its
        // primary key, but answers `$in` by scanning the collection.
        const found = (await Promise.all(chunk.map((_id) => source.findOne({ _id })))).filter(
          (d): d is ReadDocument => d !== null,
        );
        for (const document of found) {
          await staging.replaceOne({ _id: document._id }, document, { upsert: true });
        }
      }
      const loaded = this.loaded.get(collection) ?? new Set<string>();
      for (const id of ids) loaded.add(id);
      this.loaded.set(collection, loaded);
    }
  }

  /** Write each changed document back once, then forget the staged copies (memory). */
  private async writeBack(): Promise<void> {
    for (const [collection, ids] of this.changed) {
      const staging = this.staging.collection(collection);
      const target = this.target.collection(collection);
      for (const chunk of chunks([...ids], CHUNK)) {
        const documents = await staging.find({ _id: { $in: chunk } });
        await Promise.all(
          documents.map((document: ReadDocument) =>
            target.replaceOne({ _id: document._id }, document, { upsert: true }),
          ),
        );
      }
    }
    this.changed = new Map();
    this.loaded = new Map();
    await this.staging.close();
    this.staging = createInMemoryReadStore();
  }

  private changedIn(collection: string): Set<string> {
    const ids = this.changed.get(collection) ?? new Set<string>();
    this.changed.set(collection, ids);
    return ids;
  }
}
