import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  CARDS_COLLECTION,
  CHAT_TABS,
  CHATS_COLLECTION,
  TIMELINE_COLLECTION,
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
import { chatListFilter } from './chat-list-filter';
import { publicDocument } from './public-document';
import {
  DEFAULT_PAGE_SIZE,
  type ChatListQuery,
  type ChatTabsQuery,
  type TimelineQuery,
} from './query-params.dto';

/**
 * The gateway's reads of the read models (L1, L5, L6, C3, C5, R1), always inside the user's
 * workspace: another workspace's conversation answers 404 like an unknown one.
 */
@Injectable()
export class ChatQueries {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  /**
   * Newest activity first, then `_id` descending; `nextCursor` continues after the last item.
   * The cursor is the last item's sort key (keyset), not an offset: a chat that moves to the top
   * while the manager scrolls (a new message raises `lastActivityAt`, which never goes down) is
   * not seen again further down, and no chat below the cursor shifts out of reach; a chat that
   * moved up before it was reached comes with the live change, not with these pages.
   */
  async chatList(user: User, query: ChatListQuery): Promise<Page<ChatListItem>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor === undefined ? null : decodeChatListCursor(query.cursor);
    if (query.cursor !== undefined && !after) throw invalidCursor('cursor');
    const filter = chatListFilter(
      user,
      query.tab ?? 'all',
      query.archived ?? false,
      query,
      after
        ? [
            {
              $or: [
                { lastActivityAt: { $lt: after.lastActivityAt } },
                { lastActivityAt: after.lastActivityAt, _id: { $lt: after._id } },
              ],
            },
          ]
        : [],
    );
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

  /**
   * How many chats each quick tab holds (L8), archived ones or the others (L4), with the same
   * filters as the list, so a tab's count is what the list under it would show.
   */
  async tabCounts(user: User, query: ChatTabsQuery): Promise<ChatTabCounts> {
    const chats = this.readStore.collection(CHATS_COLLECTION);
    const counts = await Promise.all(
      CHAT_TABS.map((tab) =>
        chats.countDocuments(chatListFilter(user, tab, query.archived ?? false, query)),
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
