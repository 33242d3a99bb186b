import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { MediaLink, User } from '@parley/contracts';
import { CLOCK, type Clock } from '@parley/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

/**
 * Signed media URLs: how a browser's <img>, <audio> and <video> (which cannot send the
 * Authorization header) load a file. An authenticated API call (the Media tab list, or
 * `GET /api/media/:id/link`) answers `/api/media/<id>?u=<user>&exp=<epoch s>&sig=<HMAC>`; the
 * media route checks the signature in constant time, the expiry, that the user still exists,
 * and that the file is in that user's workspace.
 *
 * Why not a cookie scoped to /api/media: the refresh cookie is the only cookie, and a second
 * ambient credential would need its own refresh, sign-out and cross-site rules, while a signed
 * URL names one file for one user and ends by itself. A URL can leak (history, a copied link):
 * it works for at most two windows, names one file, and dies with the user.
 *
 * Expiry is rounded up to a window boundary, so the URLs of one file stay the same for a window
 * and the browser's cache keeps serving them: a URL works for one to two windows. The key is
 * derived from PARLEY_AUTH_SECRET for this one purpose.
 */
export const MEDIA_LINK_WINDOW_SECONDS = 900;

export interface MediaLinkQuery {
  readonly u?: unknown;
  readonly exp?: unknown;
  readonly sig?: unknown;
}

@Injectable()
export class MediaLinks {
  private readonly key: Buffer;

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.key = createHmac('sha256', config.PARLEY_AUTH_SECRET)
      .update('parley media links v1')
      .digest();
  }

  private signature(mediaId: string, userId: string, expiresAt: number): Buffer {
    return createHmac('sha256', this.key).update(`${mediaId}\n${userId}\n${expiresAt}`).digest();
  }

  private nowSeconds(): number {
    return Math.floor(this.clock().getTime() / 1000);
  }

  link(user: User, mediaId: string): MediaLink {
    const window = Math.floor(this.nowSeconds() / MEDIA_LINK_WINDOW_SECONDS);
    const expiresAt = (window + 2) * MEDIA_LINK_WINDOW_SECONDS;
    const sig = this.signature(mediaId, user.id, expiresAt).toString('base64url');
    const query = new URLSearchParams({ u: user.id, exp: String(expiresAt), sig });
    return {
      url: `/api/media/${encodeURIComponent(mediaId)}?${query.toString()}`,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
    };
  }

  /** The id of the user a valid, unexpired link of `mediaId` was signed for; null otherwise. */
  verify(mediaId: string, query: MediaLinkQuery): string | null {
    const { u, exp, sig } = query;
    if (typeof u !== 'string' || typeof exp !== 'string' || typeof sig !== 'string') return null;
    if (!/^\d{1,12}$/.test(exp) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return null;
    const expiresAt = Number(exp);
    if (expiresAt <= this.nowSeconds()) return null;
    const expected = this.signature(mediaId, u, expiresAt);
    const given = Buffer.from(sig, 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected) ? u : null;
  }
}
