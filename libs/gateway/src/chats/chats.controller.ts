import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import type {
  ChatListItem,
  ChatTabCounts,
  ClientCard,
  Page,
  TimelineItem,
  User,
} from '@parley/contracts';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { ChatQueries } from './chat-queries';
import { ChatListQuery, ChatTabsQuery, TimelineQuery } from './query-params.dto';

/** The chat list, one chat, its timeline and its client card. */
@Controller('api/chats')
@UseGuards(AccessTokenGuard)
export class ChatsController {
  constructor(@Inject(ChatQueries) private readonly queries: ChatQueries) {}

  @Get()
  list(@CurrentUser() user: User, @Query() query: ChatListQuery): Promise<Page<ChatListItem>> {
    return this.queries.chatList(user, query);
  }

  /** The quick tabs' counts (L8); declared before `:conversationId`, which would take it. */
  @Get('tabs')
  tabs(@CurrentUser() user: User, @Query() query: ChatTabsQuery): Promise<ChatTabCounts> {
    return this.queries.tabCounts(user, query);
  }

  @Get(':conversationId')
  chat(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
  ): Promise<ChatListItem> {
    return this.queries.chat(user, conversationId);
  }

  @Get(':conversationId/timeline')
  timeline(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Query() query: TimelineQuery,
  ): Promise<Page<TimelineItem>> {
    return this.queries.timeline(user, conversationId, query);
  }

  @Get(':conversationId/card')
  card(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
  ): Promise<ClientCard> {
    return this.queries.card(user, conversationId);
  }
}
