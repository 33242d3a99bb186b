import {
  Controller,
  Get,
  Inject,
  Param,
  Query,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import { MEDIA_TAB_KINDS, type MediaItem, type Page, type User } from '@parley/contracts';
import { MEDIA_STORE, type MediaStore, type StoredMedia } from '@parley/media-store';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { ChatQueries } from '../chats/chat-queries';
import { MediaLinks } from './media-links';
import {
  decodeMediaCursor,
  DEFAULT_MEDIA_PAGE_SIZE,
  encodeMediaCursor,
  MediaListQuery,
} from './media-list-query.dto';

/**
 * The Media tab (C6): a conversation's photos, videos, video notes, voice messages, audio and
 * documents (or the kinds asked for), newest first, each with a signed URL.
 */
@Controller('api/chats')
@UseGuards(AccessTokenGuard)
export class ChatMediaController {
  constructor(
    @Inject(MEDIA_STORE) private readonly store: MediaStore | null,
    @Inject(ChatQueries) private readonly queries: ChatQueries,
    @Inject(MediaLinks) private readonly links: MediaLinks,
  ) {}

  @Get(':conversationId/media')
  async list(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Query() query: MediaListQuery,
  ): Promise<Page<MediaItem>> {
    if (!this.store) throw new ServiceUnavailableException('this process keeps no media store');
    await this.queries.assertChatExists(user, conversationId);
    const limit = query.limit ?? DEFAULT_MEDIA_PAGE_SIZE;
    const stored = await this.store.list({
      workspaceId: user.workspaceId,
      conversationId,
      kinds: query.kind ?? MEDIA_TAB_KINDS,
      before: query.before === undefined ? undefined : decodeMediaCursor(query.before)!,
      limit,
    });
    const last = stored[stored.length - 1];
    return {
      items: stored.map((media) => this.itemOf(user, media)),
      nextCursor: stored.length === limit && last ? encodeMediaCursor(last) : null,
    };
  }

  private itemOf(user: User, media: StoredMedia): MediaItem {
    const link = this.links.link(user, media.mediaId);
    return {
      mediaId: media.mediaId,
      conversationId: media.conversationId,
      kind: media.kind,
      contentType: media.contentType,
      contentTypeSource: media.contentTypeSource,
      size: media.size,
      fileName: media.fileName,
      createdAt: media.createdAt,
      url: link.url,
      urlExpiresAt: link.expiresAt,
    };
  }
}
