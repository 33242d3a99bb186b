import type { MediaItem, MediaKind, MediaLink, Page } from '@parley/contracts';
import type { HttpClient } from '../api/http-client';

export interface MediaPageQuery {
  /** Only these kinds; the Media tab's kinds when absent or empty. */
  readonly kinds?: readonly MediaKind[];
  /** The previous page's `nextCursor`. */
  readonly before?: string;
}

/** The gateway's media routes (libs/contracts/src/media/media-api.ts), typed. */
export const createMediaApi = (http: HttpClient) => ({
  /** One page of a conversation's files, newest first, each with a signed URL. */
  chatMedia: (conversationId: string, query: MediaPageQuery = {}): Promise<Page<MediaItem>> => {
    const params = new URLSearchParams();
    if (query.kinds && query.kinds.length > 0) params.set('kind', query.kinds.join(','));
    if (query.before) params.set('before', query.before);
    const search = params.toString();
    return http.request<Page<MediaItem>>(
      'GET',
      `/api/chats/${encodeURIComponent(conversationId)}/media${search ? `?${search}` : ''}`,
    );
  },
  /** A fresh signed URL for one file (a timeline item's photo, an expired link). */
  mediaLink: (mediaId: string): Promise<MediaLink> =>
    http.request<MediaLink>('GET', `/api/media/${encodeURIComponent(mediaId)}/link`),
});

export type MediaApi = ReturnType<typeof createMediaApi>;
