import type { EventStore, RecordedEvent } from '@parley/eventstore';
import {
  projectEvent,
  projectWorkspaceEvent,
  type ReadModelCollection,
  type ReadModelOperation,
} from '@parley/projections';
import {
  DEFAULT_VERSION_TIMINGS,
  isAbandoned,
  READ_MODEL_VERSIONS_COLLECTION,
  versionedName,
  type ReadCollection,
  type ReadDocument,
  type ReadModelVersionDocument,
  type ReadModelVersionTimings,
  type ReadStore,
} from '@parley/read-store';
import { fromRecordedEvent } from './projectable-event-sources';
import { ensureIndexesOf } from './read-model-indexes';
import { StagedWrites } from './staged-writes';

/** The read models `npm run rebuild` can rebuild, one at a time. */
export const REBUILDABLE_READ_MODELS: readonly ReadModelCollection[] = [
  'chats',
  'timeline',
  'cards',
  'template_libraries',
  'robot_rules',
  'translation_settings',
];

export interface OnlineRebuildOptions {
  /** Events read from the log per page. Default 500. */
  readonly pageSize?: number;
  /** Operations applied together while building (StagedWrites). Default 5,000. */
  readonly batchSize?: number;
  /** The pointer timings every process of the system uses (the defaults unless tests shorten them). */
  readonly timings?: ReadModelVersionTimings;
  /** Keep the old version's collection instead of dropping it after the switch. */
  readonly keepPrevious?: boolean;
  /** Progress lines (phase changes, events so far). */
  readonly log?: (line: string) => void;
}

export interface OnlineRebuildReport {
  readonly readModel: string;
  readonly version: number;
  readonly collection: string;
  /** The collection switched away from (dropped unless `keepPrevious`). */
  readonly previous: string;
  /** Events read from the log, and of those the ones the read model shows. */
  readonly events: number;
  readonly projected: number;
  /** The position every event up to which the rebuild applied itself; after it, the projectors. */
  readonly switchedAt: string | null;
}

/** A rebuild that cannot start: an unknown read model, or one being rebuilt already. */
export class RebuildRefused extends Error {
  constructor(
    readonly reason: 'unknown_read_model' | 'already_running',
    message: string,
  ) {
    super(message);
    this.name = 'RebuildRefused';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const operationsFor = (recorded: RecordedEvent, readModel: string): ReadModelOperation[] => {
  const source = fromRecordedEvent(recorded);
  return [projectWorkspaceEvent(source), projectEvent(source)].flatMap((projection) =>
    (projection?.operations ?? []).filter((operation) => operation.collection === readModel),
  );
};

/** A store in which the read model's name is its version being built, and nothing else exists. */
const buildingStore = (store: ReadStore, readModel: string, physical: string): ReadStore => ({
  collection: <T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T> => {
    if (name !== readModel) throw new Error(`rebuilding ${readModel}, not ${name}`);
    return store.collection<T>(physical);
  },
  ensureCollection: (name) =>
    name === readModel
      ? store.ensureCollection(physical)
      : Promise.reject(new Error(`rebuilding ${readModel}, not ${name}`)),
  dropAll: () => Promise.reject(new Error('not while rebuilding')),
  dropCollection: () => Promise.reject(new Error('not while rebuilding')),
  close: () => Promise.resolve(),
});

/**
 * Rebuild one read model from position zero while the system runs (O4), beside the live version,
 * and switch readers and writers to it once it has caught up: no downtime, no missed event.
 *
 * 1. `building`: a new physical collection (`chats__v2`, ...) with its indexes, named in the
 *    read model's pointer (ReadModelVersions); the whole log is projected into it in staged
 *    batches. The live projectors keep writing the active version only.
 * 2. `handover`, once a page comes back short: the rebuild follows the log page by page and
 *    publishes how far it has applied; a live write waits until the rebuild has passed its event.
 *    The rebuild stays here for more than twice the pointer's refresh time, so every process has
 *    seen the handover, and every event a projector wrote to the old version only (while it still
 *    saw `building`) is in the log before the rebuild's last read.
 * 3. Switch, when a read reaches the end of the log (a short page): the pointer names the new collection active. Every
 *    event up to the switch position was applied by the rebuild; each later one is written by its
 *    projector, which had waited for exactly this. Each stream's events thus reach the new version
 *    in order, so the revision guard skips none. Readers move over within the refresh time; the
 *    old collection is dropped after twice that.
 *
 * One rebuild per read model at a time: a second is refused while the first's heartbeat is fresh.
 * A rebuild that dies is abandoned after the lease (live writes stop waiting for it) and the next
 * one takes over its pointer.
 */
export const rebuildReadModelOnline = async (
  events: EventStore,
  store: ReadStore,
  readModel: string,
  options: OnlineRebuildOptions = {},
): Promise<OnlineRebuildReport> => {
  if (!(REBUILDABLE_READ_MODELS as readonly string[]).includes(readModel)) {
    throw new RebuildRefused(
      'unknown_read_model',
      `unknown read model "${readModel}": one of ${REBUILDABLE_READ_MODELS.join(', ')}`,
    );
  }
  const pageSize = options.pageSize ?? 500;
  const batchSize = options.batchSize ?? 5000;
  const timings = options.timings ?? DEFAULT_VERSION_TIMINGS;
  const log = options.log ?? (() => undefined);
  const pointers = store.collection<ReadModelVersionDocument>(READ_MODEL_VERSIONS_COLLECTION);

  const existing = await pointers.findOne({ _id: readModel });
  if (existing?.next && !isAbandoned(existing.next, timings.leaseMs)) {
    throw new RebuildRefused(
      'already_running',
      `a rebuild of ${readModel} is running (version ${existing.next.version}, ${existing.next.phase}, alive at ${existing.next.heartbeatAt})`,
    );
  }
  const active = existing?.active ?? readModel;
  const version = Math.max(existing?.version ?? 1, existing?.next?.version ?? 0) + 1;
  const collection = versionedName(readModel, version);
  await store.dropCollection(collection);
  await ensureIndexesOf(store, readModel, collection);

  let position: string | null = null;
  let phase: 'building' | 'handover' = 'building';
  let heartbeatAt = new Date().toISOString();
  const next = () => ({ collection, version, phase, position, heartbeatAt });
  // Claim the pointer: only if it is still as read (no rebuild started since).
  const claimed = existing
    ? await pointers.updateOne(
        existing.next
          ? { _id: readModel, 'next.heartbeatAt': existing.next.heartbeatAt }
          : { _id: readModel, next: { $exists: false } },
        { $set: { next: next() } },
      )
    : await pointers.updateOne(
        { _id: readModel },
        { $setOnInsert: { active, version: 1 }, $set: { next: next() } },
        { upsert: true },
      );
  if (claimed.matchedCount === 0 && claimed.upsertedId === null) {
    throw new Error(`another rebuild of ${readModel} started at the same time`);
  }
  // An abandoned rebuild's half-built collection goes; its pointer is this rebuild's now.
  if (existing?.next && existing.next.collection !== active) {
    await store.dropCollection(existing.next.collection);
  }
  /** Monotonic time of the last heartbeat the pointer accepted. */
  let lastBeat = performance.now();
  const beat = async (): Promise<void> => {
    const previousBeat = heartbeatAt;
    heartbeatAt = new Date().toISOString();
    const result = await pointers.updateOne(
      { _id: readModel, 'next.version': version, 'next.heartbeatAt': previousBeat },
      { $set: { next: next() } },
    );
    if (result.matchedCount === 0) {
      throw new Error(`the rebuild of ${readModel} lost its pointer (abandoned after the lease?)`);
    }
    lastBeat = performance.now();
  };

  const target = buildingStore(store, readModel, collection);
  const writes = new StagedWrites(target);
  let after: bigint | undefined;
  let read = 0;
  let projected = 0;
  /** Read one page after `after` and stage its operations; the number of events read. */
  const readPage = async (): Promise<number> => {
    const page = await events.readAll({ after, maxCount: pageSize });
    for (const recorded of page) {
      const operations = operationsFor(recorded, readModel);
      if (operations.length > 0) projected++;
      writes.add(operations);
    }
    read += page.length;
    if (page.length > 0) after = page[page.length - 1]!.position;
    return page.length;
  };
  const flushAndPublish = async (): Promise<void> => {
    await writes.flush();
    if (after !== undefined) position = after.toString();
    await beat();
  };

  try {
    log(`${readModel}: building version ${version} in ${collection} beside ${active}`);
    for (;;) {
      const count = await readPage();
      const due = performance.now() - lastBeat > timings.leaseMs / 4;
      if (writes.size >= batchSize || count < pageSize || due) await flushAndPublish();
      if (read > 0 && read % (pageSize * 100) < count) log(`${readModel}: ${read} events read`);
      if (count < pageSize) break;
    }

    phase = 'handover';
    await flushAndPublish();
    const handoverStarted = performance.now();
    log(`${readModel}: caught up at position ${position ?? 0} (${read} events); handing over`);
    for (;;) {
      // Decided before the read: the read that ends the handover starts after every process has
      // left `building`, so it sees every event they wrote to the old version only.
      const settled = performance.now() - handoverStarted > 2 * timings.refreshMs;
      const count = await readPage();
      if (count > 0) await flushAndPublish();
      // A short page means the log's end was reached; under steady writes a read is rarely empty.
      if (count < pageSize && settled) break;
      if (count === 0) {
        if (performance.now() - lastBeat > timings.refreshMs) await beat();
        await sleep(timings.pollMs);
      }
    }
    if (performance.now() - lastBeat > timings.leaseMs / 2) await beat();

    const switched = await pointers.updateOne(
      { _id: readModel, 'next.version': version, 'next.heartbeatAt': heartbeatAt },
      {
        $set: { active: collection, version, previous: active },
        $unset: { next: '' },
      },
    );
    if (switched.matchedCount === 0) {
      throw new Error(`the rebuild of ${readModel} lost its pointer before the switch`);
    }
  } catch (error) {
    // Give the pointer back and drop the half-built version, so live writes never wait for a
    // rebuild that failed and the next one starts clean; the live version was never touched.
    await pointers
      .updateOne({ _id: readModel, 'next.version': version }, { $unset: { next: '' } })
      .catch(() => undefined);
    await store.dropCollection(collection).catch(() => undefined);
    throw error;
  }
  log(`${readModel}: switched to ${collection} at position ${position ?? 0}`);
  if (!options.keepPrevious && active !== collection) {
    // Readers still on the old pointer move within the refresh time.
    await sleep(2 * timings.refreshMs);
    await store.dropCollection(active);
    await pointers.updateOne({ _id: readModel, previous: active }, { $unset: { previous: '' } });
    log(`${readModel}: dropped ${active}`);
  }
  return {
    readModel,
    version,
    collection,
    previous: active,
    events: read,
    projected,
    switchedAt: position,
  };
};
