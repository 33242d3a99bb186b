import { IsIn, IsInt, IsString, IsUUID, Length, Matches, Min, ValidateIf } from 'class-validator';
import { NestedObject } from '../validation/nested-object';
import {
  CONTENT_KIND_LABELS,
  contentPreview,
  TextContentDto,
  type MessageContent,
  type TextContent,
} from '../channel/message-content';

/**
 * A manager's files (B8): uploaded to the media store first (`POST
 * /api/chats/:conversationId/attachments`), then sent in a message that names the upload; the
 * channel uploads the bytes to the Bot API (multipart), never a URL Telegram would fetch.
 */

/** The kinds of file a manager attaches, named as the Bot API's send methods name them. */
export const ATTACHMENT_KINDS = ['photo', 'video', 'document', 'voice'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const isAttachmentKind = (value: unknown): value is AttachmentKind =>
  typeof value === 'string' && (ATTACHMENT_KINDS as readonly string[]).includes(value);

/**
 * The most bytes of an attachment per kind: the Bot API takes photos up to 10 MB and other
 * uploads up to 50 MB (the media store's MEDIA_MAX_BYTES may be lower).
 */
export const ATTACHMENT_MAX_BYTES: Readonly<Record<AttachmentKind, number>> = {
  photo: 10 * 1024 * 1024,
  video: 50 * 1024 * 1024,
  document: 50 * 1024 * 1024,
  voice: 50 * 1024 * 1024,
};

/**
 * The content types each kind takes, checked against the type detected from the bytes: the
 * photos Telegram shows, the videos it plays, a voice message in OGG/Opus (a browser's WebM
 * recording is remuxed to it on upload); a document is any file.
 */
export const ATTACHMENT_CONTENT_TYPES: Readonly<Record<AttachmentKind, readonly string[] | 'any'>> =
  {
    photo: ['image/jpeg', 'image/png', 'image/webp'],
    video: ['video/mp4'],
    document: 'any',
    voice: ['audio/ogg'],
  };

const CONTENT_TYPE_NAMES: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'video/mp4': 'MP4',
  'audio/ogg': 'OGG/Opus',
};

/**
 * Why a file of `contentType` (detected from its bytes) cannot be sent as `kind`, or null when
 * it can: a photo must be a picture Telegram shows, a video one it plays. The chat upload and
 * the template library (issue 13) refuse the same files with the same words.
 */
export const attachmentTypeProblem = (kind: AttachmentKind, contentType: string): string | null => {
  const allowed = ATTACHMENT_CONTENT_TYPES[kind];
  if (allowed === 'any' || allowed.includes(contentType)) return null;
  const names = allowed.map((type) => CONTENT_TYPE_NAMES[type] ?? type).join(', ');
  return `a ${kind} must be ${names}; this file is ${contentType}: send it as a document`;
};

/** Telegram's limit on a caption, in characters. */
export const CAPTION_MAX_LENGTH = 1024;

/** A manager's file as the media store keeps it: what a message that sends it carries. */
export interface Attachment {
  readonly mediaId: string;
  /** The sanitised name the file is sent and downloaded under. */
  readonly fileName: string;
  /** Detected from the bytes. */
  readonly contentType: string;
  readonly size: number;
}

/** A manager's photo, video, document or voice message, with its caption. */
export interface AttachmentContent {
  readonly kind: AttachmentKind;
  readonly attachment: Attachment;
  readonly caption: string | null;
}

/** What a manager's message carries: text, or a file with its caption. */
export type ManagerMessageContent = TextContent | AttachmentContent;

export const isAttachmentContent = (content: {
  readonly kind: string;
}): content is AttachmentContent => isAttachmentKind(content.kind) && 'attachment' in content;

/**
 * One line for the chat list about a manager's message: its text, or "Photo: caption",
 * "Document: offer.pdf", "Voice message" (the caption, else a document's name).
 */
export const managerMessagePreview = (content: ManagerMessageContent): string => {
  if (content.kind === 'text') return content.text;
  const label = CONTENT_KIND_LABELS[content.kind];
  const detail =
    content.caption ?? (content.kind === 'document' ? content.attachment.fileName : null);
  return detail === null || detail === '' ? label : `${label}: ${detail}`;
};

/** The chat list's line for any message on a timeline: a client's or a manager's. */
export const timelineContentPreview = (content: MessageContent | AttachmentContent): string =>
  isAttachmentContent(content) ? managerMessagePreview(content) : contentPreview(content);

export class AttachmentDto implements Attachment {
  @IsUUID() mediaId!: string;
  @IsString() @Length(1, 255) fileName!: string;
  @IsString() @Matches(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/) contentType!: string;
  @IsInt() @Min(0) size!: number;
}

export class AttachmentContentDto implements AttachmentContent {
  @IsIn(ATTACHMENT_KINDS) kind!: AttachmentKind;
  @NestedObject(() => AttachmentDto) attachment!: AttachmentDto;
  @ValidateIf((o: AttachmentContentDto) => o.caption !== null)
  @IsString()
  @Length(1, CAPTION_MAX_LENGTH)
  caption!: string | null;
}

export type ManagerMessageContentDto = TextContentDto | AttachmentContentDto;

/** class-transformer's choice of DTO for a manager message's content, by `kind`. */
export const MANAGER_MESSAGE_CONTENT_TYPE = {
  discriminator: {
    property: 'kind',
    subTypes: [
      { value: TextContentDto, name: 'text' },
      ...ATTACHMENT_KINDS.map((name) => ({ value: AttachmentContentDto, name })),
    ],
  },
  keepDiscriminatorProperty: true,
};

/** `POST /api/chats/:conversationId/attachments` answers what it stored (201). */
export interface UploadedAttachment extends Attachment {
  readonly kind: AttachmentKind;
  /** Voice messages: whole seconds. */
  readonly durationSeconds: number | null;
}
