import type { ReadDocument, ReadStore } from '../read-store.port';

/**
 * Read-model versions (O4, docs/architecture.md "Online rebuild"): each read model (a logical
 * collection such as `chats`) is kept in one physical collection at a time, named by its version:
 * `chats` for version 1, `chats__v2`, `chats__v3`, ... A document per read model in this collection
 * says which one is live, and, while `npm run rebuild` builds the next version beside it, how far
 * that build has got. No document: version 1, nothing being built.
 */
export const READ_MODEL_VERSIONS_COLLECTION = 'read_model_versions';

/**
 * `building`: the rebuild replays the log into the next version; live writes go to the active
 * version only (the rebuild reads them from the log). `handover`: the rebuild has caught up and
 * follows the log closely; a live write of an event waits until the rebuild has applied it (or
 * the switch has happened), so that every event before the switch is in the next version by the
 * rebuild's hand and every event after it by the projectors', each stream's in order.
 */
export type RebuildPhase = 'building' | 'handover';

export interface NextReadModelVersion {
  readonly collection: string;
  readonly version: number;
  readonly phase: RebuildPhase;
  /** The log position up to which the rebuild has applied every event; null before the first. */
  readonly position: string | null;
  /** When the rebuild last said it was alive (ISO time): a silent one is abandoned after the lease. */
  readonly heartbeatAt: string;
}

export interface ReadModelVersionDocument extends ReadDocument {
  /** The read model's (logical collection's) name. */
  _id: string;
  /** The physical collection readers use. */
  active: string;
  version: number;
  next?: NextReadModelVersion;
  /** The collection switched away from, until it is dropped. */
  previous?: string;
}

/** The physical collection of a read model's version. */
export const versionedName = (name: string, version: number): string =>
  version === 1 ? name : `${name}__v${version}`;

export interface ReadModelVersionTimings {
  /** How old a cached pointer may be before it is read again. Default 1 s. */
  readonly refreshMs: number;
  /** How often a live write waiting in a handover looks at the rebuild's progress. Default 20 ms. */
  readonly pollMs: number;
  /** A rebuild whose heartbeat is older than this is abandoned. Default 30 s. */
  readonly leaseMs: number;
}

export const DEFAULT_VERSION_TIMINGS: ReadModelVersionTimings = {
  refreshMs: 1000,
  pollMs: 20,
  leaseMs: 30_000,
};

interface Cached {
  readonly document: ReadModelVersionDocument | null;
  /** When the read that gave it started (monotonic ms). */
  readonly readAt: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** True when the rebuild has stopped saying it is alive: live writes stop waiting for it. */
export const isAbandoned = (
  next: NextReadModelVersion,
  leaseMs: number,
  now: Date = new Date(),
): boolean => now.getTime() - Date.parse(next.heartbeatAt) > leaseMs;

/**
 * The version pointers as one process sees them: cached for at most `refreshMs`, so a read or a
 * write costs no extra round trip, and read afresh while a live write waits in a handover. The
 * rebuild relies on that bound: it stays in a phase longer than twice `refreshMs` before it
 * moves on, so no process still acts on the phase before.
 */
export class ReadModelVersions {
  private readonly cache = new Map<string, Cached>();
  private readonly loading = new Map<string, Promise<ReadModelVersionDocument | null>>();

  constructor(
    private readonly store: ReadStore,
    readonly timings: ReadModelVersionTimings = DEFAULT_VERSION_TIMINGS,
    private readonly monotonic: () => number = () => performance.now(),
  ) {}

  /** The physical collection readers of `name` use now (as of at most `refreshMs` ago). */
  async activeCollection(name: string): Promise<string> {
    const document = await this.current(name);
    return document?.active ?? name;
  }

  /** The same without waiting, when a fresh pointer is cached; undefined otherwise. */
  cachedActiveCollection(name: string): string | undefined {
    const cached = this.fresh(name);
    return cached ? (cached.document?.active ?? name) : undefined;
  }

  /**
   * What writeCollection would answer, without waiting, when a fresh pointer is cached and no
   * handover is under way (the live projector's usual case); undefined otherwise.
   */
  cachedWriteCollection(name: string): string | undefined {
    const cached = this.fresh(name);
    if (!cached || cached.document?.next?.phase === 'handover') return undefined;
    return cached.document?.active ?? name;
  }

  /**
   * The physical collection a live write of the event at `position` goes to: the active one. In
   * a handover it first waits until the rebuild has applied that position, or switched, or been
   * abandoned (see RebuildPhase).
   */
  async writeCollection(name: string, position: string): Promise<string> {
    let document = await this.current(name);
    const at = BigInt(position);
    while (document?.next?.phase === 'handover') {
      const { next } = document;
      if (next.position !== null && BigInt(next.position) >= at) break;
      if (isAbandoned(next, this.timings.leaseMs)) break;
      await sleep(this.timings.pollMs);
      document = await this.load(name);
    }
    return document?.active ?? name;
  }

  /** Forget every cached pointer (after the store was dropped). */
  forget(): void {
    this.cache.clear();
  }

  private async current(name: string): Promise<ReadModelVersionDocument | null> {
    const cached = this.fresh(name);
    return cached ? cached.document : this.load(name);
  }

  /** The cached pointer of `name` if it was read less than `refreshMs` ago. */
  private fresh(name: string): Cached | undefined {
    const cached = this.cache.get(name);
    if (!cached || this.monotonic() - cached.readAt >= this.timings.refreshMs) return undefined;
    return cached;
  }

  /** Read the pointer afresh; concurrent callers share one read. */
  private load(name: string): Promise<ReadModelVersionDocument | null> {
    const inFlight = this.loading.get(name);
    if (inFlight) return inFlight;
    const readAt = this.monotonic();
    const read = this.store
      .collection<ReadModelVersionDocument>(READ_MODEL_VERSIONS_COLLECTION)
      .findOne({ _id: name })
      .then((document) => {
        this.cache.set(name, { document, readAt });
        return document;
      })
      .finally(() => this.loading.delete(name));
    this.loading.set(name, read);
    return read;
  }
}
