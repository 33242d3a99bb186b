import {
  CARDS_COLLECTION,
  CHATS_COLLECTION,
  ROBOT_RULES_COLLECTION,
  TIMELINE_COLLECTION,
} from '@parley/contracts';
import type { ReadStore } from '@parley/read-store';

/**
 * The chat list sorts by last activity within a workspace (L6), listed or archived (L4), and
 * its common filters (issue 11) narrow it by responsible manager (`mine`, `unassigned`), tag
 * and line (`line 2`), each still in activity order; a timeline by `orderKey` (C7);
 * a conversion finds its card by click id (A3, R7); a tracking link counts its clients (R2); a
 * workspace's robots' rules are listed in their order (A4).
 */
export const ensureReadModelIndexes = async (readStore: ReadStore): Promise<void> => {
  const chats = readStore.collection(CHATS_COLLECTION);
  await chats.createIndex({
    keys: { workspaceId: 1, lastActivityAt: -1 },
    name: 'chats_by_activity',
  });
  await chats.createIndex({
    keys: { workspaceId: 1, archived: 1, lastActivityAt: -1 },
    name: 'chats_listed_by_activity',
  });
  await chats.createIndex({
    keys: { workspaceId: 1, responsibleManagerId: 1, lastActivityAt: -1 },
    name: 'chats_by_manager',
  });
  await chats.createIndex({
    keys: { workspaceId: 1, tags: 1, lastActivityAt: -1 },
    name: 'chats_by_tag',
  });
  await chats.createIndex({
    keys: { workspaceId: 1, 'deal.line': 1, lastActivityAt: -1 },
    name: 'chats_by_line',
  });
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
