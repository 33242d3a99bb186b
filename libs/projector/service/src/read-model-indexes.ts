import { CHATS_COLLECTION, TIMELINE_COLLECTION } from '@parley/contracts';
import type { ReadStore } from '@parley/read-store';

/** The chat list sorts by last activity within a workspace (L6); a timeline by `orderKey` (C7). */
export const ensureReadModelIndexes = async (readStore: ReadStore): Promise<void> => {
  await readStore
    .collection(CHATS_COLLECTION)
    .createIndex({ keys: { workspaceId: 1, lastActivityAt: -1 }, name: 'chats_by_activity' });
  await readStore
    .collection(TIMELINE_COLLECTION)
    .createIndex({ keys: { conversationId: 1, orderKey: 1 }, name: 'timeline_in_order' });
};
