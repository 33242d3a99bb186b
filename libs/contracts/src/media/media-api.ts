import { MEDIA_CONTENT_KINDS } from '../channel/message-content';
/**
 * Media (issue 9, "Media store"; C6): the files clients and managers exchange, kept by the media
 * store and served by the gateway.
 *
 *   GET /api/chats/:conversationId/media?kind=&before=&limit= → Page<MediaItem> (newest first)
 *   GET /api/media/:mediaId/link                                → MediaLink
 *   GET /api/media/:mediaId?u=&exp=&sig=                        → the bytes (ranges, 206/416)
 *
 * A media kind carries the Bot API's name for it, as the message content union does (its media
 * kinds and stickers are the files the store keeps).
 */
export const MEDIA_KINDS = [...MEDIA_CONTENT_KINDS, 'sticker'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/**
 * What the Media tab shows (C6), in its order, and what its list answers when no kind is asked
 * for: animations and stickers are kept for the timeline but are not the conversation's media.
 */
export const MEDIA_TAB_KINDS = [
  'photo',
  'video',
  'video_note',
  'voice',
  'audio',
  'document',
] as const satisfies readonly MediaKind[];
export type MediaTabKind = (typeof MEDIA_TAB_KINDS)[number];

export const isMediaKind = (value: unknown): value is MediaKind =>
  typeof value === 'string' && (MEDIA_KINDS as readonly string[]).includes(value);

/** Where a stored file's content type came from: its first bytes, or what the sender declared. */
export type ContentTypeSource = 'detected' | 'declared' | 'unknown';

/** One file of a conversation's Media tab. */
export interface MediaItem {
  readonly mediaId: string;
  readonly conversationId: string;
  readonly kind: MediaKind;
  /** The served type: detected from the bytes, else declared, else application/octet-stream. */
  readonly contentType: string;
  readonly contentTypeSource: ContentTypeSource;
  readonly size: number;
  /** The sanitised download name. */
  readonly fileName: string;
  /** ISO time the file was stored (the message's time for inbound files). */
  readonly createdAt: string;
  /** A short-lived signed URL an <img>, <audio>, <video> or a download link can load. */
  readonly url: string;
  /** ISO time `url` stops working; ask again (the list, or the link route) after it. */
  readonly urlExpiresAt: string;
}

/** A signed URL for one file. */
export interface MediaLink {
  readonly url: string;
  readonly expiresAt: string;
}
