import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
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
import { type AttachmentKind, type UploadedAttachment, type User } from '@parley/contracts';
import {
  MEDIA_STORE,
  MediaTooLarge,
  NotAVoiceRecording,
  toVoiceNote,
  type MediaStore,
  type StoredMedia,
} from '@parley/media-store';
import type { Request } from 'express';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { ChatQueries } from '../chats/chat-queries';
import { AttachmentUploadQuery } from './attachment-upload-query.dto';
import {
  attachmentLimit,
  attachmentTypeProblem,
  declaredLength,
  uploadRefusal,
} from './attachment-upload';

/**
 * A manager's file before it is sent (B8): `POST /api/chats/:conversationId/attachments
 * ?kind=photo|video|document|voice&name=<file name>` with the file's bytes as the body (any
 * Content-Type; not JSON, not multipart: the browser sends the File as it is, with upload
 * progress). The bytes stream into the media store under a new media id, with the size limit
 * of the kind; the type is detected from the bytes and must suit the kind. A voice recording
 * (a browser's WebM/Opus) is remuxed to OGG/Opus first, so Telegram plays it as a voice
 * message. The answer (201) names the upload; `POST .../messages` with its `attachmentId`
 * sends it.
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
    const limit = attachmentLimit(query.kind, store.maxBytes);
    const length = declaredLength(request.headers['content-length']);
    if (length !== null && length > limit) {
      request.resume();
      throw tooLarge(query.kind, limit);
    }
    const media = {
      mediaId: randomUUID(),
      workspaceId: user.workspaceId,
      conversationId,
      kind: query.kind,
      declaredContentType: request.headers['content-type'] ?? null,
      fileName: query.name ?? null,
      createdAt: new Date().toISOString(),
    };
    let durationSeconds: number | null = null;
    let stored: StoredMedia;
    try {
      if (query.kind === 'voice') {
        const note = await toVoiceNote(await readWhole(request, limit));
        durationSeconds = note.durationSeconds;
        stored = await store.put(
          { ...media, declaredContentType: 'audio/ogg', fileName: null },
          Readable.from([note.bytes]),
          { maxBytes: limit },
        );
      } else {
        stored = await store.put(media, request, { maxBytes: limit });
      }
    } catch (error) {
      if (error instanceof MediaTooLarge) throw tooLarge(query.kind, limit);
      if (error instanceof NotAVoiceRecording) {
        throw uploadRefusal(415, 'body', `${error.message}: record Opus audio (WebM or OGG)`);
      }
      throw error;
    }
    const problem = attachmentTypeProblem(query.kind, stored.contentType);
    if (problem !== null) {
      await store.delete(user.workspaceId, stored.mediaId);
      throw uploadRefusal(415, 'body', problem);
    }
    this.logger.log(
      `attachment ${stored.mediaId} (${query.kind}, ${stored.contentType}, ${stored.size} bytes) uploaded to ${conversationId}`,
    );
    return {
      mediaId: stored.mediaId,
      kind: query.kind,
      fileName: stored.fileName,
      contentType: stored.contentType,
      size: stored.size,
      durationSeconds,
    };
  }
}

const tooLarge = (kind: AttachmentKind, limit: number) =>
  uploadRefusal(413, 'body', `a ${kind} may have at most ${limit} bytes`);

/** The whole body, up to `limit` bytes (a voice recording: remuxed in memory). */
const readWhole = async (request: Request, limit: number): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) {
      request.resume();
      throw new MediaTooLarge(limit);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
};
