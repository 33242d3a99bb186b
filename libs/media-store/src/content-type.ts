import FileType from 'file-type';
import type { ContentTypeSource } from '@parley/contracts';

/** file-type reads at most this many bytes from the start of a file. */
export const DETECTION_BYTES = 4100;

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** A declared Content-Type without its parameters, lowercased; null if it is not a media type. */
export const normaliseDeclaredType = (declared: string | null): string | null => {
  if (!declared) return null;
  const type = declared.split(';')[0]!.trim().toLowerCase();
  return MEDIA_TYPE.test(type) ? type : null;
};

/**
 * file-type's guess, or undefined. It throws (EndOfStreamError) when a file starts like a known
 * format and ends before the format says it should: that is "not detected" too.
 */
const detect = async (head: Uint8Array): Promise<FileType.FileTypeResult | undefined> => {
  try {
    return await FileType.fromBuffer(head);
  } catch {
    return undefined;
  }
};

/**
 * file-type names OGG with Opus `audio/opus`; the registered type of that file is `audio/ogg`
 * (RFC 7845; `audio/opus` is Opus over RTP), which is what browsers and Telegram expect.
 */
const REGISTERED_TYPES: Readonly<Record<string, { mime: string; ext: string }>> = {
  'audio/opus': { mime: 'audio/ogg', ext: 'ogg' },
};

export interface ContentTypeDecision {
  readonly contentType: string;
  readonly source: ContentTypeSource;
  /** The usual extension of a detected type (for a fallback file name). */
  readonly extension: string | null;
}

/**
 * The type of a file from its first bytes (file-type, magic numbers); the declared type only
 * when detection finds nothing; application/octet-stream when neither says.
 */
export const decideContentType = async (
  head: Uint8Array,
  declared: string | null,
): Promise<ContentTypeDecision> => {
  const detected = head.length > 0 ? await detect(head) : undefined;
  if (detected) {
    const { mime, ext } = REGISTERED_TYPES[detected.mime] ?? detected;
    return { contentType: mime, source: 'detected', extension: ext };
  }
  const normalised = normaliseDeclaredType(declared);
  if (normalised) return { contentType: normalised, source: 'declared', extension: null };
  return { contentType: 'application/octet-stream', source: 'unknown', extension: null };
};
