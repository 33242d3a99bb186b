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
import {
  READ_MODEL_VERSIONS_COLLECTION,
  ReadModelVersions,
  type ReadModelVersionTimings,
} from './read-model-versions';

/** A collection handle that finds its physical collection on every call. */
class ResolvingCollection<T extends ReadDocument> implements ReadCollection<T> {
  constructor(
    private readonly store: ReadStore,
    private readonly resolve: () => string | Promise<string>,
  ) {}

  private async target(): Promise<ReadCollection<T>> {
    return this.store.collection<T>(await this.resolve());
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

/**
 * A read store whose collections are read-model names, each resolved to the physical collection
 * of its active version (ReadModelVersions, O4), so `npm run rebuild` can switch a read model to
 * a new version under running gateways and projectors. Every process mounts its read store
 * through this (PlatformModule); with no rebuild ever run, names resolve to themselves.
 */
export class VersionedReadStore implements ReadStore {
  readonly versions: ReadModelVersions;

  constructor(
    readonly inner: ReadStore,
    timings?: ReadModelVersionTimings,
  ) {
    this.versions = new ReadModelVersions(inner, timings);
  }

  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T> {
    if (name === READ_MODEL_VERSIONS_COLLECTION) return this.inner.collection<T>(name);
    return new ResolvingCollection<T>(
      this.inner,
      () => this.versions.cachedActiveCollection(name) ?? this.versions.activeCollection(name),
    );
  }

  /**
   * The same store as the live projector writes it for the event at `position`: each collection
   * is the version that event's write belongs to (ReadModelVersions.writeCollection).
   */
  forEventAt(position: string): ReadStore {
    const versions = this.versions;
    const inner = this.inner;
    return {
      collection: <T extends ReadDocument = ReadDocument>(name: string) =>
        new ResolvingCollection<T>(inner, () => versions.writeCollection(name, position)),
      dropAll: () => this.dropAll(),
      dropCollection: (name: string) => this.dropCollection(name),
      close: () => this.close(),
    };
  }

  async dropAll(): Promise<void> {
    await this.inner.dropAll();
    this.versions.forget();
  }

  /** Drops the physical collection of that name (versions are dropped by the rebuild). */
  dropCollection(name: string): Promise<void> {
    return this.inner.dropCollection(name);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/**
 * The read store a live projector writes an event at `position` to: a versioned store's view for
 * that position, or the store itself when it is not versioned (tests, the boot-time rebuild).
 */
export const readStoreForEventAt = (store: ReadStore, position: string): ReadStore =>
  store instanceof VersionedReadStore ? store.forEventAt(position) : store;

/** Wrap a read store in versions unless it already is. */
export const versioned = (store: ReadStore): VersionedReadStore =>
  store instanceof VersionedReadStore ? store : new VersionedReadStore(store);
