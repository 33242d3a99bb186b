import {
  CARDS_COLLECTION,
  CHATS_COLLECTION,
  ROBOT_RULES_COLLECTION,
  TIMELINE_COLLECTION,
} from '@parley/contracts';
import type { ReadStore } from '@parley/read-store';

/**
 * The chat list sorts by last activity within a workspace (L6); a timeline by `orderKey` (C7);
 * a conversion finds its card by click id (A3, R7); a tracking link counts its clients (R2); a
 * workspace's robots' rules are listed in their order (A4).
 */
export const ensureReadModelIndexes = async (readStore: ReadStore): Promise<void> => {
  await readStore
    .collection(CHATS_COLLECTION)
    .createIndex({ keys: { workspaceId: 1, lastActivityAt: -1 }, name: 'chats_by_activity' });
  await readStore
    .collection(TIMELINE_COLLECTION)
    .createIndex({ keys: { conversationId: 1, orderKey: 1 }, name: 'timeline_in_order' });
  const cards = readStore.collection(CARDS_COLLECTION);
  await cards.createIndex({
    keys: { workspaceId: 1, 'contact.clickId': 1 },
    name: 'cards_by_click_id',
  });
  await cards.createIndex({
    keys: { workspaceId: 1, 'contact.attribution.linkKey': 1 },
    name: 'cards_by_tracking_link',
  });
  await readStore
    .collection(ROBOT_RULES_COLLECTION)
    .createIndex({ keys: { workspaceId: 1, position: 1 }, name: 'robot_rules_in_order' });
};
