import {
  projectEvent,
  recordInOrder,
  type ProjectableEvent,
  type ReadModelOperation,
  type StreamEvent,
} from '@parley/projections';
import { createInMemoryReadStore, type ReadStore } from '@parley/read-store';
import { applyProjection } from '../apply-projection';

/**
 * One of the projector's projections of a recorded event: the conversation's read models
 * (`projectEvent`) or the workspace's (`projectWorkspaceEvent`); null when it is not theirs.
 */
type ProjectionOf = (
  source: ProjectableEvent,
) => { readonly operations: readonly ReadModelOperation[] } | null;

/**
 * Apply recorded events, in the order given, to a read store, as the projector does: each
 * event's projections in the order listed (the conversation's by default). A spec names the
 * projections it reads so that it writes no read model it does not look at.
 */
export const applyRecorded = async (
  readStore: ReadStore,
  recorded: readonly ProjectableEvent[],
  projections: readonly ProjectionOf[] = [projectEvent],
): Promise<void> => {
  for (const source of recorded) {
    for (const projectionOf of projections) {
      const projection = projectionOf(source);
      if (projection) await applyProjection(readStore, projection);
    }
  }
};

/**
 * Given these events (recorded in order, positions from 1), the documents of an empty in-memory
 * read store they are applied to, `times` over (2 or more: a replay, which must change nothing).
 */
export const projectedDocuments = async (
  events: readonly StreamEvent[],
  { times = 1 }: { times?: number } = {},
): Promise<{ readStore: ReadStore; recorded: ProjectableEvent[] }> => {
  const readStore = createInMemoryReadStore();
  const recorded = recordInOrder(events);
  for (let n = 0; n < times; n++) await applyRecorded(readStore, recorded);
  return { readStore, recorded };
};

/**
 * Every document of a conversation's read models (chats, timeline, cards), each collection in a
 * stable order: what two read stores must both hold to show the same, replays and rebuilds
 * included.
 */
export const conversationDocuments = async (readStore: ReadStore) => ({
  chats: await readStore.collection('chats').find({}, { sort: { _id: 1 } }),
  timeline: await readStore.collection('timeline').find({}, { sort: { seq: 1 } }),
  cards: await readStore.collection('cards').find({}, { sort: { _id: 1 } }),
});
