import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  CARDS_COLLECTION,
  CHAT_TABS,
  CHATS_COLLECTION,
  TIMELINE_COLLECTION,
  type ChatTab,
  type ChatTabCounts,
  type ChatListItem,
  type ClientCard,
  type Page,
  type TimelineItem,
  type User,
} from '@parley/contracts';
import { READ_STORE } from '@parley/platform';
import type { Filter, ReadDocument, ReadStore } from '@parley/read-store';
import { decodeChatListCursor, encodeChatListCursor } from './chat-list-cursor';
import { publicDocument } from './public-document';
import {
  DEFAULT_PAGE_SIZE,
  type ChatListQuery,
  type ChatTabsQuery,
  type TimelineQuery,
} from './query-params.dto';

/** Which chats a quick tab (L8) holds: pinned ones, or by whose hand was last on them. */
const tabFilter = (tab: ChatTab): Record<string, unknown> => {
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

/**
 * The gateway's reads of the read models (L1, L5, L6, C3, C5, R1), always inside the user's
 * workspace: another workspace's conversation answers 404 like an unknown one.
 */
@Injectable()
export class ChatQueries {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  /** Newest activity first, then `_id` descending; `nextCursor` continues after the last item. */
  async chatList(user: User, query: ChatListQuery): Promise<Page<ChatListItem>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const filter: Record<string, unknown> = {
      ...tabFilter(query.tab ?? 'all'),
      workspaceId: user.workspaceId,
      archived: query.archived ?? false,
    };
    if (query.cursor !== undefined) {
      const after = decodeChatListCursor(query.cursor);
      if (!after) throw invalidCursor('cursor');
      filter['$or'] = [
        { lastActivityAt: { $lt: after.lastActivityAt } },
        { lastActivityAt: after.lastActivityAt, _id: { $lt: after._id } },
      ];
    }
    const found = await this.readStore
      .collection(CHATS_COLLECTION)
      .find(filter, { sort: { lastActivityAt: -1, _id: -1 }, limit: limit + 1 });
    const items = found.slice(0, limit).map((d) => publicDocument<ChatListItem>(d));
    const last = items.at(-1);
    return {
      items,
      nextCursor: found.length > limit && last ? encodeChatListCursor(last) : null,
    };
  }

  /** How many chats each quick tab holds (L8), archived ones or the others (L4). */
  async tabCounts(user: User, query: ChatTabsQuery): Promise<ChatTabCounts> {
    const chats = this.readStore.collection(CHATS_COLLECTION);
    const counts = await Promise.all(
      CHAT_TABS.map((tab) =>
        chats.countDocuments({
          ...tabFilter(tab),
          workspaceId: user.workspaceId,
          archived: query.archived ?? false,
        }),
      ),
    );
    return Object.fromEntries(CHAT_TABS.map((tab, i) => [tab, counts[i]])) as ChatTabCounts;
  }

  async chat(user: User, conversationId: string): Promise<ChatListItem> {
    const document = await this.findInWorkspace(CHATS_COLLECTION, user, conversationId);
    return publicDocument<ChatListItem>(document);
  }

  /** Whether the conversation is in the user's chat list; 404 otherwise. */
  async assertChatExists(user: User, conversationId: string): Promise<void> {
    await this.findInWorkspace(CHATS_COLLECTION, user, conversationId);
  }

  /**
   * One page of the timeline in `orderKey` order (C3, C7: client messages in the order the
   * client wrote them, whatever order they arrived in), oldest first. Without `before`: the
   * newest items; with it: the items just before that key. `nextCursor` loads the page above (C5).
   */
  async timeline(
    user: User,
    conversationId: string,
    query: TimelineQuery,
  ): Promise<Page<TimelineItem>> {
    await this.assertChatExists(user, conversationId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const filter: Record<string, unknown> = { workspaceId: user.workspaceId, conversationId };
    if (query.before !== undefined) filter['orderKey'] = { $lt: query.before };
    const newestFirst = await this.readStore
      .collection(TIMELINE_COLLECTION)
      .find(filter, { sort: { orderKey: -1, _id: -1 }, limit: limit + 1 });
    const items = newestFirst
      .slice(0, limit)
      .reverse()
      .map((d) => publicDocument<TimelineItem>(d));
    return {
      items,
      nextCursor: newestFirst.length > limit && items[0] ? items[0].orderKey : null,
    };
  }

  async card(user: User, conversationId: string): Promise<ClientCard> {
    const document = await this.findInWorkspace(CARDS_COLLECTION, user, conversationId);
    return publicDocument<ClientCard>(document);
  }

  private async findInWorkspace(
    collection: string,
    user: User,
    conversationId: string,
  ): Promise<ReadDocument> {
    const filter: Filter = { _id: conversationId, workspaceId: user.workspaceId };
    const document = await this.readStore.collection(collection).findOne(filter);
    if (!document) {
      throw new NotFoundException(
        collection === CARDS_COLLECTION
          ? `no client card for conversation ${conversationId}`
          : `no conversation ${conversationId}`,
      );
    }
    return document;
  }
}

const invalidCursor = (field: string): BadRequestException =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `${field} is not a cursor this API returned`,
    issues: [{ field, reason: `${field} is not a cursor this API returned` }],
  });
