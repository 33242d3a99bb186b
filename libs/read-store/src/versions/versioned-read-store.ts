import type { ReadCollection, ReadDocument, ReadStore } from '../read-store.port';
import {
  READ_MODEL_VERSIONS_COLLECTION,
  ReadModelVersions,
  type ReadModelVersionTimings,
} from './read-model-versions';
import {
  PhysicalCollections,
  ResolvingCollection,
  type PhysicalNameResolver,
} from './resolving-collection';

/**
 * A read store whose collections are read-model names, each resolved to the physical collection
 * of its active version (ReadModelVersions, O4), so `npm run rebuild` can switch a read model to
 * a new version under running gateways and projectors. Every process mounts its read store
 * through this (PlatformModule); with no rebuild ever run, names resolve to themselves.
 */
export class VersionedReadStore implements ReadStore {
  readonly versions: ReadModelVersions;
  private readonly physical: PhysicalCollections;
  /** Readers resolve a name to its active version. */
  private readonly readers: PhysicalNameResolver;
  /** One handle per read-model name, kept: each resolves on every call (ResolvingCollection). */
  private readonly handles = new Map<string, ReadCollection>();

  constructor(
    readonly inner: ReadStore,
    timings?: ReadModelVersionTimings,
    /** The clock the pointers' age is measured with (tests move it). */
    monotonic?: () => number,
  ) {
    const versions = new ReadModelVersions(inner, timings, monotonic);
    this.versions = versions;
    this.physical = new PhysicalCollections(inner);
    this.readers = {
      physicalName: (name) =>
        versions.cachedActiveCollection(name) ?? versions.activeCollection(name),
    };
  }

  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T> {
    if (name === READ_MODEL_VERSIONS_COLLECTION) return this.physical.get<T>(name);
    let handle = this.handles.get(name);
    if (!handle) {
      handle = new ResolvingCollection(name, this.readers, this.physical);
      this.handles.set(name, handle);
    }
    return handle as unknown as ReadCollection<T>;
  }

  /** Creates the physical collection the name resolves to now (the pointers' is itself). */
  async ensureCollection(name: string): Promise<void> {
    if (name === READ_MODEL_VERSIONS_COLLECTION) return this.inner.ensureCollection(name);
    return this.inner.ensureCollection(await this.readers.physicalName(name));
  }

  /**
   * The same store as the live projector writes it for the event at `position`: each collection
   * is the version that event's write belongs to (ReadModelVersions.writeCollection).
   */
  forEventAt(position: string): ReadStore {
    return new EventWriteStore(this, this.physical, position);
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
 * A versioned store as a live projector writes one event to it (VersionedReadStore.forEventAt):
 * the one object an event needs, holding its position. Its handles, one per name the event
 * touches, are kept for the event's operations; the physical handles are the store's.
 */
class EventWriteStore implements ReadStore, PhysicalNameResolver {
  private handles: Map<string, ReadCollection> | undefined;

  constructor(
    private readonly store: VersionedReadStore,
    private readonly physical: PhysicalCollections,
    private readonly position: string,
  ) {}

  physicalName(name: string): string | Promise<string> {
    const { versions } = this.store;
    return versions.cachedWriteCollection(name) ?? versions.writeCollection(name, this.position);
  }

  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T> {
    if (name === READ_MODEL_VERSIONS_COLLECTION) return this.physical.get<T>(name);
    this.handles ??= new Map();
    let handle = this.handles.get(name);
    if (!handle) {
      handle = new ResolvingCollection(name, this, this.physical);
      this.handles.set(name, handle);
    }
    return handle as unknown as ReadCollection<T>;
  }

  async ensureCollection(name: string): Promise<void> {
    if (name === READ_MODEL_VERSIONS_COLLECTION) return this.physical.store.ensureCollection(name);
    return this.physical.store.ensureCollection(await this.physicalName(name));
  }

  dropAll(): Promise<void> {
    return this.store.dropAll();
  }

  dropCollection(name: string): Promise<void> {
    return this.store.dropCollection(name);
  }

  close(): Promise<void> {
    return this.store.close();
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
