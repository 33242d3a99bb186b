import {
  CARDS_COLLECTION,
  CHATS_COLLECTION,
  ROBOT_RULES_COLLECTION,
  TIMELINE_COLLECTION,
} from '@parley/contracts';
import { READ_MODEL_VERSIONS_COLLECTION, type IndexSpec, type ReadStore } from '@parley/read-store';

/**
 * The chat list sorts by last activity within a workspace (L6), listed or archived (L4), and
 * its common filters (issue 11) narrow it by responsible manager (`mine`, `unassigned`), tag
 * and line (`line 2`), each still in activity order; a timeline by `orderKey` (C7);
 * a conversion finds its card by click id (A3, R7); a tracking link counts its clients (R2); a
 * workspace's robots' rules are listed in their order (A4).
 */
export const READ_MODEL_INDEXES: Readonly<Record<string, readonly IndexSpec[]>> = {
  [CHATS_COLLECTION]: [
    { keys: { workspaceId: 1, lastActivityAt: -1 }, name: 'chats_by_activity' },
    { keys: { workspaceId: 1, archived: 1, lastActivityAt: -1 }, name: 'chats_listed_by_activity' },
    {
      keys: { workspaceId: 1, responsibleManagerId: 1, lastActivityAt: -1 },
      name: 'chats_by_manager',
    },
    { keys: { workspaceId: 1, tags: 1, lastActivityAt: -1 }, name: 'chats_by_tag' },
    { keys: { workspaceId: 1, 'deal.line': 1, lastActivityAt: -1 }, name: 'chats_by_line' },
  ],
  [TIMELINE_COLLECTION]: [{ keys: { conversationId: 1, orderKey: 1 }, name: 'timeline_in_order' }],
  [CARDS_COLLECTION]: [
    { keys: { workspaceId: 1, 'contact.clickId': 1 }, name: 'cards_by_click_id' },
    {
      keys: { workspaceId: 1, 'contact.attribution.linkKey': 1 },
      name: 'cards_by_tracking_link',
    },
  ],
  [ROBOT_RULES_COLLECTION]: [
    { keys: { workspaceId: 1, position: 1 }, name: 'robot_rules_in_order' },
  ],
};

/** Create one read model's indexes in `physical` (its active collection, or a version being built). */
export const ensureIndexesOf = async (
  readStore: ReadStore,
  readModel: string,
  physical: string = readModel,
): Promise<void> => {
  const collection = readStore.collection(physical);
  for (const spec of READ_MODEL_INDEXES[readModel] ?? []) await collection.createIndex(spec);
};

export const ensureReadModelIndexes = async (readStore: ReadStore): Promise<void> => {
  // The version pointers (O4) are read by every process; their collection is made here, at
  // boot, because FerretDB fails a find that races the collection's creation by a first rebuild
  // ("relation does not exist"). They are read by `_id` only: no index of their own.
  await readStore.ensureCollection(READ_MODEL_VERSIONS_COLLECTION);
  for (const readModel of Object.keys(READ_MODEL_INDEXES)) {
    await ensureIndexesOf(readStore, readModel);
  }
};
