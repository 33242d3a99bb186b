import { pipeline } from 'node:stream/promises';
import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Req,
  Res,
  ServiceUnavailableException,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { templateLibraryId, type MediaLink, type User } from '@parley/contracts';
import {
  MEDIA_STORE,
  RangeNotSatisfiable,
  type OpenedMedia,
  type MediaStore,
  type StoredMedia,
} from '@parley/media-store';
import type { Request, Response } from 'express';
import { AccessTokenGuard } from '../auth/access-token.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { TokenService } from '../auth/token-service';
import { ChatQueries } from '../chats/chat-queries';
import { UserDirectory } from '../users/user-directory';
import { contentDisposition, dispositionFor } from './content-disposition';
import { parseRangeHeader } from './http-range';
import { MediaLinks, type MediaLinkQuery } from './media-links';

/** A file never changes under its media id; the browser may keep it (this user's cache only). */
const CACHE_CONTROL = 'private, max-age=86400, immutable';

const etagOf = (media: StoredMedia): string => `"${media.mediaId}"`;

/** What every answer with (or about) a file's bytes says about them. */
const setFileHeaders = (response: Response, media: StoredMedia, request: Request): void => {
  const disposition =
    request.query['download'] === '1'
      ? 'attachment'
      : dispositionFor(media.contentType, media.contentTypeSource);
  response.setHeader('Content-Type', media.contentType);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  // Opened as a page by itself (a direct link), a file can run nothing and load nothing.
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('Content-Disposition', contentDisposition(disposition, media.fileName));
  response.setHeader('Cache-Control', CACHE_CONTROL);
  response.setHeader('ETag', etagOf(media));
  response.setHeader('Last-Modified', new Date(media.createdAt).toUTCString());
  response.setHeader('Accept-Ranges', 'bytes');
};

/**
 * Serving stored media (issue 9): `GET /api/media/:mediaId` with `Authorization: Bearer` or a
 * signed link (MediaLinks), to users of the file's workspace only (anyone else: 404). Ranges
 * (206, 416), the type detected from the bytes, the sanitised download name, no sniffing, a
 * sandboxing policy in case a file is opened as a page.
 */
@Controller('api/media')
export class MediaController {
  constructor(
    @Inject(MEDIA_STORE) private readonly store: MediaStore | null,
    @Inject(MediaLinks) private readonly links: MediaLinks,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(UserDirectory) private readonly users: UserDirectory,
    @Inject(ChatQueries) private readonly queries: ChatQueries,
  ) {}

  private requireStore(): MediaStore {
    if (!this.store) throw new ServiceUnavailableException('this process keeps no media store');
    return this.store;
  }

  /** A fresh signed URL for one file of a conversation the user sees. */
  @Get(':mediaId/link')
  @UseGuards(AccessTokenGuard)
  async link(@CurrentUser() user: User, @Param('mediaId') mediaId: string): Promise<MediaLink> {
    const media = await this.requireStore().stat(user.workspaceId, mediaId);
    if (!media) throw new NotFoundException('no such media');
    // A template's file (issue 13) belongs to the workspace's library, which every user reads.
    if (media.conversationId !== templateLibraryId(user.workspaceId)) {
      await this.queries.assertChatExists(user, media.conversationId);
    }
    return this.links.link(user, mediaId);
  }

  @Get(':mediaId')
  async serve(
    @Param('mediaId') mediaId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const store = this.requireStore();
    const user = this.userOf(mediaId, request);
    const media = await store.stat(user.workspaceId, mediaId);
    if (!media) throw new NotFoundException('no such media');

    const etag = etagOf(media);
    if (request.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
      setFileHeaders(response, media, request);
      response.status(304).end();
      return;
    }
    const ifRange = request.headers['if-range'];
    const range =
      ifRange === undefined || ifRange === etag ? parseRangeHeader(request.headers.range) : null;

    let found: OpenedMedia | null;
    try {
      found = await store.get(user.workspaceId, mediaId, range ?? undefined);
    } catch (error) {
      if (!(error instanceof RangeNotSatisfiable)) throw error;
      response.setHeader('Content-Range', `bytes */${error.size}`);
      response.setHeader('Accept-Ranges', 'bytes');
      response.status(416).type('text/plain').end('range not satisfiable');
      return;
    }
    if (!found) throw new NotFoundException('no such media');

    setFileHeaders(response, media, request);
    if (found.range) {
      response.status(206);
      response.setHeader(
        'Content-Range',
        `bytes ${found.range.start}-${found.range.end}/${media.size}`,
      );
      response.setHeader('Content-Length', String(found.range.end - found.range.start + 1));
    } else {
      response.status(200);
      response.setHeader('Content-Length', String(media.size));
    }
    if (request.method === 'HEAD') {
      found.content.destroy();
      response.end();
      return;
    }
    try {
      await pipeline(found.content, response);
    } catch {
      // The browser stopped reading (a seek, a closed tab) or the store failed mid-file: the
      // response is cut short, which the client sees as a broken download.
      response.destroy();
    }
  }

  /** The bearer's user, or a signed link's; 401 without either. */
  private userOf(mediaId: string, request: Request): User {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const userId = bearer
      ? this.tokens.verifyAccess(bearer)?.sub
      : this.links.verify(mediaId, request.query as MediaLinkQuery);
    const user = userId ? this.users.findById(userId) : null;
    if (!user) throw new UnauthorizedException('sign in first, or ask for a new media link');
    return user;
  }
}
