import {
  Controller,
  HttpCode,
  Inject,
  Logger,
  Param,
  Post,
  Query,
  Req,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import { type UploadedAttachment, type User } from '@parley/contracts';
import { MEDIA_STORE, type MediaStore } from '@parley/media-store';
import type { Request } from 'express';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { ChatQueries } from '../chats/chat-queries';
import { AttachmentUploadQuery } from './attachment-upload-query.dto';
import { uploadToMediaStore } from './upload-to-media-store';

/**
 * A manager's file before it is sent (B8): `POST /api/chats/:conversationId/attachments
 * ?kind=photo|video|document|voice&name=<file name>` with the file's bytes as the body (any
 * Content-Type; not JSON, not multipart: the browser sends the File as it is, with upload
 * progress). The bytes stream into the media store under a new media id, with the size limit
 * of the kind; the type is detected from the bytes and must suit the kind. A voice recording
 * (a browser's WebM/Opus) is remuxed to OGG/Opus first, so Telegram plays it as a voice
 * message (uploadToMediaStore, which a template's file goes through too). The answer (201) names
 * the upload; `POST .../messages` with its `attachmentId` sends it.
 */
@Controller('api/chats')
@UseGuards(AccessTokenGuard)
export class AttachmentsController {
  private readonly logger = new Logger('Attachments');

  constructor(
    @Inject(MEDIA_STORE) private readonly store: MediaStore | null,
    @Inject(ChatQueries) private readonly chats: ChatQueries,
  ) {}

  @Post(':conversationId/attachments')
  @HttpCode(201)
  async upload(
    @CurrentUser() user: User,
    @Param('conversationId') conversationId: string,
    @Query() query: AttachmentUploadQuery,
    @Req() request: Request,
  ): Promise<UploadedAttachment> {
    const store = this.store;
    if (!store) throw new ServiceUnavailableException('this process keeps no media store');
    await this.chats.assertChatExists(user, conversationId);
    const uploaded = await uploadToMediaStore(store, request, query, {
      workspaceId: user.workspaceId,
      conversationId,
    });
    this.logger.log(
      `attachment ${uploaded.mediaId} (${uploaded.kind}, ${uploaded.contentType}, ${uploaded.size} bytes) uploaded to ${conversationId}`,
    );
    return uploaded;
  }
}
