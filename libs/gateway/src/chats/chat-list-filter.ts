import type { ChatListFilters, ChatTab, User } from '@parley/contracts';

/**
 * Which chats a quick tab (L8) holds: pinned ones, or by whose hand was last on them. An ignored
 * client's chat is under Ignored only, so no other tab lists it or counts it (L8: it raises no
 * alert anywhere else).
 */
export const tabFilter = (tab: ChatTab): Record<string, unknown> => {
  switch (tab) {
    case 'all':
      return { ignored: { $ne: true } };
    case 'pinned':
      return { pinned: true, ignored: { $ne: true } };
    case 'manual':
      return { handledBy: 'manager', ignored: { $ne: true } };
    case 'auto':
      return { handledBy: 'robot', ignored: { $ne: true } };
    case 'ignored':
      return { ignored: true };
  }
};

/** A date filter's bound as the read model writes times (`toISOString`), so strings compare. */
const instant = (value: string): string => new Date(value).toISOString();

/**
 * The read-store filter of a tab, the archive toggle (L4) and the chat list's filters (L3, L6),
 * inside the user's workspace; the filters have been validated (`ChatListFilterParams`).
 * Equalities stay at the top level, where the indexes of `read-model-indexes.ts` find them;
 * conditions that need an `$or` of their own go into `$and`, with `and` (a page cursor's).
 *
 * - `tags`: `any` a chat with one of them, `all` with each;
 * - `unread`: client messages not read, or a manager's unread mark (L9); `false` is no filter;
 * - `from`/`to`: last activity at or after `from`, before `to`;
 * - `manager`: `me` the signed-in user, `none` nobody, else that user id.
 */
export const chatListFilter = (
  user: User,
  tab: ChatTab,
  archived: boolean,
  filters: ChatListFilters,
  and: readonly Record<string, unknown>[] = [],
): Record<string, unknown> => {
  const filter: Record<string, unknown> = {
    ...tabFilter(tab),
    workspaceId: user.workspaceId,
    archived,
  };
  const conditions = [...and];
  if (filters.tags !== undefined && filters.tags.length > 0) {
    filter['tags'] = filters.tagsMode === 'all' ? { $all: filters.tags } : { $in: filters.tags };
  }
  if (filters.status !== undefined && filters.status.length > 0) {
    filter['status'] = { $in: filters.status };
  }
  if (filters.unread === true) {
    conditions.push({ $or: [{ unreadCount: { $gt: 0 } }, { markedUnread: true }] });
  }
  if (filters.from !== undefined || filters.to !== undefined) {
    filter['lastActivityAt'] = {
      ...(filters.from !== undefined ? { $gte: instant(filters.from) } : {}),
      ...(filters.to !== undefined ? { $lt: instant(filters.to) } : {}),
    };
  }
  if (filters.manager !== undefined) {
    filter['responsibleManagerId'] =
      filters.manager === 'me' ? user.id : filters.manager === 'none' ? null : filters.manager;
  }
  if (filters.source !== undefined) filter['source'] = filters.source;
  if (filters.channel !== undefined) filter['channel'] = filters.channel;
  if (filters.line !== undefined) filter['deal.line'] = filters.line;
  return conditions.length > 0 ? { ...filter, $and: conditions } : filter;
};
