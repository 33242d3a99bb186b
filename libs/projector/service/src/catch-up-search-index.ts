import type { EventStore } from '@parley/eventstore';
import { searchOperations } from '@parley/projections';
import type { SearchIndex } from '@parley/search';
import { fromRecordedEvent } from './projectable-event-sources';

export interface SearchCatchUpReport {
  /** Events read from the log. */
  readonly events: number;
  /** The position the index is caught up through now, or null for an empty log. */
  readonly position: string | null;
}

/**
 * Apply to the search read model every event of the log after the position it was last caught
 * up through (all of them for a new index), then remember the position. Run at boot, before or
 * beside the live projector: the index keeps the latest value of each field by position, so an
 * event applied both here and live changes nothing the second time.
 *
 * Why: unlike the in-memory read models, the search index outlives the process, and the live
 * projector only sees what the bus delivers from now on. An index created beside an existing log
 * (a new deployment, an upgraded data directory) is filled from the log here, once; later boots
 * replay only what came after the previous catch-up.
 */
export const catchUpSearchIndex = async (
  store: EventStore,
  searchIndex: SearchIndex,
  options: { readonly pageSize?: number } = {},
): Promise<SearchCatchUpReport> => {
  const pageSize = options.pageSize ?? 500;
  const from = await searchIndex.caughtUpThrough();
  let after = from === null ? undefined : BigInt(from);
  let events = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize });
    for (const recorded of page) {
      const operations = searchOperations(fromRecordedEvent(recorded));
      if (operations.length > 0) await searchIndex.apply(operations);
    }
    events += page.length;
    const last = page[page.length - 1];
    if (last) {
      after = last.position;
      await searchIndex.markCaughtUp(last.position.toString());
    }
    if (page.length < pageSize) break;
  }
  return { events, position: after === undefined ? null : after.toString() };
};
