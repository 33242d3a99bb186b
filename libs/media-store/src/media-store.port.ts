import type { ContentTypeSource, MediaKind } from '@parley/contracts';
import type { Readable } from 'node:stream';

/**
 * The media store port (issue 9, "Media store"): the bytes of the files a conversation carries,
 * with what Parley knows about each. Adapters: the file system under the data directory
 * (`npm start`) and MongoDB GridFS (the services modes); one contract suite runs on both
 * (`@parley/media-store/testing`).
 *
 * - A file is named by Parley's own media id (a UUID), never by a name a client chose.
 * - `put` streams: it holds at most the first bytes (for type detection), never the whole file,
 *   and refuses a file over the size limit leaving nothing behind.
 * - Every read names the workspace: a file of another workspace is not found.
 */

/** DI token of the process's media store. */
export const MEDIA_STORE = 'parley:MediaStore';

/** What the caller knows about a file before its bytes arrive. */
export interface MediaToStore {
  /** Parley's id for the file (a UUID; name-based where the source can repeat itself). */
  readonly mediaId: string;
  readonly workspaceId: string;
  readonly conversationId: string;
  readonly kind: MediaKind;
  /** The type the sender declared (a Telegram `mime_type`, an upload's Content-Type), if any. */
  readonly declaredContentType: string | null;
  /** The name the sender gave the file, if any; only its sanitised form is kept. */
  readonly fileName: string | null;
  /** ISO time: the message's time for inbound files (the Media tab's order). */
  readonly createdAt: string;
}

/** What the store keeps about a stored file. */
export interface StoredMedia {
  readonly mediaId: string;
  readonly workspaceId: string;
  readonly conversationId: string;
  readonly kind: MediaKind;
  /** Detected from the first bytes; the declared type only when detection found nothing. */
  readonly contentType: string;
  readonly contentTypeSource: ContentTypeSource;
  /** What the sender declared, kept as said (normalised) for the record. */
  readonly declaredContentType: string | null;
  readonly size: number;
  /** Safe to offer as a download name: no path, no control characters, no quotes. */
  readonly fileName: string;
  readonly createdAt: string;
}

/**
 * Bytes `start` to `end` inclusive (`end` past the file is cut at its end; no `end`: to the end),
 * or the last `suffixLength` bytes: HTTP's three range forms.
 */
export type ByteRange =
  { readonly start: number; readonly end?: number } | { readonly suffixLength: number };

/** A range resolved against a file: first and last byte, inclusive. */
export interface ResolvedRange {
  readonly start: number;
  readonly end: number;
}

export interface OpenedMedia {
  readonly media: StoredMedia;
  /** The range served, or null for the whole file. */
  readonly range: ResolvedRange | null;
  /** The bytes; the caller must consume or destroy it. */
  readonly content: Readable;
}

export interface PutOptions {
  /** A lower limit than the store's own for this file. */
  readonly maxBytes?: number;
}

export interface MediaListQuery {
  readonly workspaceId: string;
  readonly conversationId: string;
  /** Only these kinds; all kinds when absent or empty. */
  readonly kinds?: readonly MediaKind[];
  /** The page after this file (newest first), from the last item of the previous page. */
  readonly before?: { readonly createdAt: string; readonly mediaId: string };
  readonly limit: number;
}

export interface MediaStore {
  /** The store's size limit in bytes. */
  readonly maxBytes: number;
  /**
   * Stream `content` in. A media id already stored in this workspace is a repeat: its bytes are
   * not read again and the stored file is answered. Throws MediaTooLarge (nothing kept) over
   * the limit, InvalidMediaId for an id that is not a UUID, MediaIdTaken for an id another
   * workspace holds.
   */
  put(
    media: MediaToStore,
    content: AsyncIterable<Uint8Array>,
    options?: PutOptions,
  ): Promise<StoredMedia>;
  /** null: no such file in this workspace. */
  stat(workspaceId: string, mediaId: string): Promise<StoredMedia | null>;
  /** null: no such file in this workspace. Throws RangeNotSatisfiable for a range past the end. */
  get(workspaceId: string, mediaId: string, range?: ByteRange): Promise<OpenedMedia | null>;
  /** Whether there was such a file in this workspace (now gone). */
  delete(workspaceId: string, mediaId: string): Promise<boolean>;
  /** A conversation's files, newest first (`createdAt`, then media id, descending). */
  list(query: MediaListQuery): Promise<StoredMedia[]>;
  /** Whether the store answers (health). */
  check(): Promise<void>;
  close(): Promise<void>;
}
