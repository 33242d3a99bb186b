import type { EventStore } from '@parley/eventstore';
import { projectEvent, projectWorkspaceEvent } from '@parley/projections';
import type { ReadStore } from '@parley/read-store';
import { fromRecordedEvent } from './projectable-event-sources';
import { ensureReadModelIndexes } from './read-model-indexes';
import { StagedWrites } from './staged-writes';

export interface RebuildOptions {
  /** Events read from the store per page. Default 500. */
  readonly pageSize?: number;
  /** Operations applied together, each document they change written once. Default 5,000. */
  readonly batchSize?: number;
}

export interface RebuildReport {
  /** Events read from the log. */
  readonly events: number;
  /** Of those, events some read model shows. */
  readonly projected: number;
  /** Position of the last event read, or null for an empty log. */
  readonly position: string | null;
}

/**
 * Rebuild every read model from position zero (O4): drop them all, recreate the indexes and
 * apply the whole event log in order. Run it while no projector writes to the same read store
 * (at boot, before the handlers subscribe): a live event applied between the drop and the
 * replay of its stream would make the position guard skip that stream's older events. Events
 * the bus delivers afterwards that the rebuild already applied change nothing (position guard).
 * Publishes no change notifications. `batchSize` operations at a time are applied
 * to staged copies of their documents and each changed document is written once (StagedWrites):
 * far fewer round trips than one per operation, the same documents.
 */
export const rebuildReadModels = async (
  store: EventStore,
  readStore: ReadStore,
  options: RebuildOptions = {},
): Promise<RebuildReport> => {
  const pageSize = options.pageSize ?? 500;
  const batchSize = options.batchSize ?? 5000;
  const writes = new StagedWrites(readStore);
  await readStore.dropAll();
  await ensureReadModelIndexes(readStore);
  let after: bigint | undefined;
  let events = 0;
  let projected = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize });
    for (const recorded of page) {
      const source = fromRecordedEvent(recorded);
      const projections = [projectWorkspaceEvent(source), projectEvent(source)].filter(
        (p) => p !== null,
      );
      for (const projection of projections) writes.add(projection.operations);
      if (projections.length > 0) projected++;
      if (writes.size >= batchSize) await writes.flush();
    }
    events += page.length;
    if (page.length > 0) after = page[page.length - 1]!.position;
    if (page.length < pageSize) break;
  }
  await writes.flush();
  return { events, projected, position: after === undefined ? null : after.toString() };
};
