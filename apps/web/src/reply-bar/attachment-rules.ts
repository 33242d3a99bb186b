import type { AttachmentKind } from '@parley/contracts';
import type { Language, Translate } from '../i18n/translate';
import { formatFileSize } from '../media/media-grid';

/*
 * The contracts' ATTACHMENT_MAX_BYTES, ATTACHMENT_CONTENT_TYPES and CAPTION_MAX_LENGTH, mirrored:
 * the web app imports only types from @parley/contracts (its index also loads the DTOs, whose
 * class-transformer decorators need reflect-metadata, which the browser does not load). The
 * spec checks the mirror against the contracts.
 */

/** The most bytes of an attachment per kind (Bot API: photos 10 MB, other uploads 50 MB). */
export const ATTACHMENT_MAX_BYTES: Readonly<Record<AttachmentKind, number>> = {
  photo: 10 * 1024 * 1024,
  video: 50 * 1024 * 1024,
  document: 50 * 1024 * 1024,
  voice: 50 * 1024 * 1024,
};

/** The types Telegram shows as a photo or plays as a video; any other file is a document. */
export const PHOTO_CONTENT_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
export const VIDEO_CONTENT_TYPES: readonly string[] = ['video/mp4'];

/** Telegram's limit on a caption, in characters. */
export const CAPTION_MAX_LENGTH = 1024;

/** A chosen file, as the browser describes it. */
export interface ChosenFile {
  readonly type: string;
  readonly size: number;
}

const mediaType = (type: string): string => type.split(';')[0].trim().toLowerCase();

/**
 * How a chosen file is sent: a JPEG, PNG or WebP up to the photo limit as a photo, an MP4 up to
 * the video limit as a video, anything else (a GIF, a larger picture) as a document.
 */
export const attachmentKindFor = (file: ChosenFile): 'photo' | 'video' | 'document' => {
  const type = mediaType(file.type);
  if (PHOTO_CONTENT_TYPES.includes(type) && file.size <= ATTACHMENT_MAX_BYTES.photo) {
    return 'photo';
  }
  if (VIDEO_CONTENT_TYPES.includes(type) && file.size <= ATTACHMENT_MAX_BYTES.video) {
    return 'video';
  }
  return 'document';
};

/**
 * Why a file cannot be sent before it is uploaded: over the document limit, the largest there
 * is ("report.pdf is 60 MB: files over 50 MB cannot be sent"); null when it may be.
 */
export const attachmentSizeProblem = (
  file: { readonly name: string; readonly size: number },
  t: Translate,
  language: Language,
): string | null =>
  file.size > ATTACHMENT_MAX_BYTES.document
    ? t('reply.attachment.tooLarge', {
        name: file.name,
        size: formatFileSize(file.size, language),
        limit: formatFileSize(ATTACHMENT_MAX_BYTES.document, language),
      })
    : null;

/** The upload's progress in whole percent, 0 to 100. */
export const uploadPercent = (loaded: number, total: number): number =>
  total > 0 ? Math.max(0, Math.min(100, Math.floor((loaded * 100) / total))) : 0;
