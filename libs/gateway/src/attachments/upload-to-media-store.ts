import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  attachmentTypeProblem,
  type AttachmentKind,
  type UploadedAttachment,
} from '@parley/contracts';
import {
  MediaTooLarge,
  NotAVoiceRecording,
  toVoiceNote,
  type MediaStore,
  type StoredMedia,
} from '@parley/media-store';
import type { Request } from 'express';
import { attachmentLimit, declaredLength, uploadRefusal } from './attachment-upload';

/** Where an upload is kept: a chat's conversation, or a workspace's template library (issue 13). */
export interface UploadOwner {
  readonly workspaceId: string;
  /** The conversation id, or `templateLibraryId(ws)` for a template's file. */
  readonly conversationId: string;
}

/**
 * One upload of a manager's or an admin's file (B8, issue 13), whichever route took it: the
 * request's raw body streams into the media store under a new media id, with the size limit of
 * the kind (413 before reading when Content-Length says so, else when the stream passes it); the
 * type is detected from the bytes and must suit the kind (415, nothing kept). A voice recording
 * (a browser's WebM/Opus) is remuxed to OGG/Opus first, so Telegram plays it as a voice message.
 */
export const uploadToMediaStore = async (
  store: MediaStore,
  request: Request,
  upload: { readonly kind: AttachmentKind; readonly name?: string },
  owner: UploadOwner,
): Promise<UploadedAttachment> => {
  const { kind } = upload;
  const limit = attachmentLimit(kind, store.maxBytes);
  const length = declaredLength(request.headers['content-length']);
  if (length !== null && length > limit) {
    request.resume();
    throw tooLarge(kind, limit);
  }
  const media = {
    mediaId: randomUUID(),
    workspaceId: owner.workspaceId,
    conversationId: owner.conversationId,
    kind,
    declaredContentType: request.headers['content-type'] ?? null,
    fileName: upload.name ?? null,
    createdAt: new Date().toISOString(),
  };
  let durationSeconds: number | null = null;
  let stored: StoredMedia;
  try {
    if (kind === 'voice') {
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
    if (error instanceof MediaTooLarge) throw tooLarge(kind, limit);
    if (error instanceof NotAVoiceRecording) {
      throw uploadRefusal(415, 'body', `${error.message}: record Opus audio (WebM or OGG)`);
    }
    throw error;
  }
  const problem = attachmentTypeProblem(kind, stored.contentType);
  if (problem !== null) {
    await store.delete(owner.workspaceId, stored.mediaId);
    throw uploadRefusal(415, 'body', problem);
  }
  return {
    mediaId: stored.mediaId,
    kind,
    fileName: stored.fileName,
    contentType: stored.contentType,
    size: stored.size,
    durationSeconds,
  };
};

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
