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
 * How a read-model name finds its physical collection: at once when the pointer is cached, else
 * after reading it (or, for a live write in a handover, after waiting for the rebuild).
 */
export interface PhysicalNameResolver {
  physicalName(name: string): string | Promise<string>;
}

/**
 * The inner store's handles, one per physical collection, taken once and kept: a handle stays
 * valid across drops (ReadStore.collection), and taking one per call allocated on every read and
 * write. Physical names are the read models' versions: a handful per process.
 */
export class PhysicalCollections {
  private readonly handles = new Map<string, ReadCollection>();

  constructor(readonly store: ReadStore) {}

  get<T extends ReadDocument>(name: string): ReadCollection<T> {
    let handle = this.handles.get(name);
    if (!handle) {
      handle = this.store.collection(name);
      this.handles.set(name, handle);
    }
    return handle as unknown as ReadCollection<T>;
  }
}

/**
 * A collection handle that finds its physical collection on every call, so one taken before a
 * switch acts on the new version after it. It holds no state of its own, so one per name is
 * kept and shared.
 */
export class ResolvingCollection<T extends ReadDocument> implements ReadCollection<T> {
  constructor(
    private readonly name: string,
    private readonly resolver: PhysicalNameResolver,
    private readonly physical: PhysicalCollections,
  ) {}

  private async target(): Promise<ReadCollection<T>> {
    const resolved = this.resolver.physicalName(this.name);
    return this.physical.get<T>(typeof resolved === 'string' ? resolved : await resolved);
  }

  async findOne(filter: Filter): Promise<T | null> {
    return (await this.target()).findOne(filter);
  }
  async find(filter: Filter, options?: FindOptions): Promise<T[]> {
    return (await this.target()).find(filter, options);
  }
  async countDocuments(filter: Filter): Promise<number> {
    return (await this.target()).countDocuments(filter);
  }
  async updateOne(
    filter: Filter,
    update: Update,
    options?: { readonly upsert?: boolean },
  ): Promise<UpdateResult> {
    return (await this.target()).updateOne(filter, update, options);
  }
  async replaceOne(
    filter: Filter,
    replacement: T,
    options?: { readonly upsert?: boolean },
  ): Promise<UpdateResult> {
    return (await this.target()).replaceOne(filter, replacement, options);
  }
  async deleteMany(filter: Filter): Promise<number> {
    return (await this.target()).deleteMany(filter);
  }
  async createIndex(spec: IndexSpec): Promise<void> {
    return (await this.target()).createIndex(spec);
  }
}
