import {
  Equals,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { NestedList, NestedObject } from '../validation/nested-object';

/**
 * What a message carries, a union by `kind` (C1): text (with its formatting), each kind of
 * media and the other things a Telegram private chat brings (location, venue, contact, poll,
 * dice), and `unsupported` for anything else, so that nothing a client sends disappears.
 * Media carry Telegram's file reference (`MediaFile`), never the bytes: the media store fetches
 * them by `fileId`.
 */

/**
 * A piece of formatting in a text or caption, as the Bot API gives it (MessageEntity): `bold`,
 * `italic`, `underline`, `strikethrough`, `spoiler`, `code`, `pre`, `text_link` (with `url`),
 * `url`, `mention` (`@name` in the text), `text_mention` (with `userId`), `hashtag`, ...
 * Offsets and lengths count UTF-16 code units, as JavaScript strings do.
 */
export interface TextEntity {
  readonly type: string;
  readonly offset: number;
  readonly length: number;
  /** `text_link` only: where it points. */
  readonly url: string | null;
  /** `text_mention` only: the Telegram user id mentioned. */
  readonly userId: string | null;
}

export interface TextContent {
  readonly kind: 'text';
  readonly text: string;
  /** The client's formatting (absent in manager messages and events before v3). */
  readonly entities?: readonly TextEntity[];
}

/** Telegram's reference to a file, and what Telegram says about it. */
export interface MediaFile {
  /** To download it (`getFile`); valid for this bot only. */
  readonly fileId: string;
  /** The same file across bots and time; never usable to download. */
  readonly fileUniqueId: string;
  /** Bytes, when Telegram gives it. */
  readonly fileSize: number | null;
  readonly mimeType: string | null;
  /** The name the client's file had (documents, audio, video, animations), or null. */
  readonly fileName: string | null;
  readonly width: number | null;
  readonly height: number | null;
  /** Seconds (voice, audio, video, video notes, animations). */
  readonly duration: number | null;
}

/** The kinds of media that carry a file and a caption. */
export const MEDIA_CONTENT_KINDS = [
  'photo',
  'video',
  'video_note',
  'voice',
  'audio',
  'document',
  'animation',
] as const;
export type MediaContentKind = (typeof MEDIA_CONTENT_KINDS)[number];

/**
 * A photo (its largest size), video, video note (a round video: width = height = its diameter),
 * voice message, audio, document or animation (a GIF or a silent video), with its caption.
 */
export interface MediaContent {
  readonly kind: MediaContentKind;
  readonly file: MediaFile;
  readonly caption: string | null;
  readonly captionEntities?: readonly TextEntity[];
}

/** A sticker: `static` (WebP), `animated` (TGS) or `video` (WebM), with its emoji. */
export interface StickerContent {
  readonly kind: 'sticker';
  readonly file: MediaFile;
  readonly stickerFormat: 'static' | 'animated' | 'video';
  readonly emoji: string | null;
}

export interface LocationContent {
  readonly kind: 'location';
  readonly latitude: number;
  readonly longitude: number;
  /** Seconds a live location is updated for, or null for a fixed point. */
  readonly livePeriod: number | null;
}

export interface VenueContent {
  readonly kind: 'venue';
  readonly latitude: number;
  readonly longitude: number;
  readonly title: string;
  readonly address: string;
}

/** A phone contact the client shared. */
export interface ContactContent {
  readonly kind: 'contact';
  readonly phoneNumber: string;
  readonly firstName: string;
  readonly lastName: string | null;
  /** The contact's Telegram user id, when they use Telegram. */
  readonly userId: string | null;
}

export interface PollContent {
  readonly kind: 'poll';
  readonly question: string;
  readonly options: readonly string[];
  readonly pollType: 'regular' | 'quiz';
}

/** An animated emoji with a random value (🎲 1-6, 🎯, 🏀, ⚽, 🎳 1-6, 🎰 1-64). */
export interface DiceContent {
  readonly kind: 'dice';
  readonly emoji: string;
  readonly value: number;
}

/** A client message of any other kind: what it was, and its caption if it had one. */
export interface UnsupportedContent {
  readonly kind: 'unsupported';
  /** The messenger's name for it: `game`, `story`, `invoice`, ... or `unknown`. */
  readonly unsupportedKind: string;
  /** The caption the client wrote under it, or null. */
  readonly caption: string | null;
}

export type MessageContent =
  | TextContent
  | MediaContent
  | StickerContent
  | LocationContent
  | VenueContent
  | ContactContent
  | PollContent
  | DiceContent
  | UnsupportedContent;
export type MessageKind = MessageContent['kind'];

const MAX_FILE_SIZE = Number.MAX_SAFE_INTEGER;

export class TextEntityDto implements TextEntity {
  @IsString() @Length(1, 64) type!: string;
  @IsInt() @Min(0) offset!: number;
  @IsInt() @Min(1) length!: number;
  @ValidateIf((o: TextEntityDto) => o.url !== null) @IsString() @MaxLength(4096) url!:
    string | null;
  @ValidateIf((o: TextEntityDto) => o.userId !== null) @Matches(/^\d{1,20}$/) userId!:
    string | null;
}

export class TextContentDto implements TextContent {
  @Equals('text') kind!: 'text';
  @IsString() @Length(1, 4096) text!: string;
  @IsOptional()
  @NestedList(() => TextEntityDto)
  entities?: TextEntityDto[];
}

const nullableCount = (field: keyof MediaFileDto) => (o: MediaFileDto) => o[field] !== null;

export class MediaFileDto implements MediaFile {
  @IsString() @Length(1, 256) fileId!: string;
  @IsString() @Length(1, 128) fileUniqueId!: string;
  @ValidateIf(nullableCount('fileSize')) @IsInt() @Min(0) @Max(MAX_FILE_SIZE) fileSize!:
    number | null;
  @ValidateIf(nullableCount('mimeType')) @IsString() @Length(1, 255) mimeType!: string | null;
  @ValidateIf(nullableCount('fileName')) @IsString() @Length(1, 1024) fileName!: string | null;
  @ValidateIf(nullableCount('width')) @IsInt() @Min(0) width!: number | null;
  @ValidateIf(nullableCount('height')) @IsInt() @Min(0) height!: number | null;
  @ValidateIf(nullableCount('duration')) @IsInt() @Min(0) duration!: number | null;
}

export class MediaContentDto implements MediaContent {
  @IsIn(MEDIA_CONTENT_KINDS) kind!: MediaContentKind;
  @NestedObject(() => MediaFileDto) file!: MediaFileDto;
  @ValidateIf((o: MediaContentDto) => o.caption !== null)
  @IsString()
  @Length(1, 4096)
  caption!: string | null;
  @IsOptional()
  @NestedList(() => TextEntityDto)
  captionEntities?: TextEntityDto[];
}

export class StickerContentDto implements StickerContent {
  @Equals('sticker') kind!: 'sticker';
  @NestedObject(() => MediaFileDto) file!: MediaFileDto;
  @IsIn(['static', 'animated', 'video']) stickerFormat!: 'static' | 'animated' | 'video';
  @ValidateIf((o: StickerContentDto) => o.emoji !== null) @IsString() @Length(1, 32) emoji!:
    string | null;
}

export class LocationContentDto implements LocationContent {
  @Equals('location') kind!: 'location';
  @IsNumber() @Min(-90) @Max(90) latitude!: number;
  @IsNumber() @Min(-180) @Max(180) longitude!: number;
  @ValidateIf((o: LocationContentDto) => o.livePeriod !== null) @IsInt() @Min(0) livePeriod!:
    number | null;
}

export class VenueContentDto implements VenueContent {
  @Equals('venue') kind!: 'venue';
  @IsNumber() @Min(-90) @Max(90) latitude!: number;
  @IsNumber() @Min(-180) @Max(180) longitude!: number;
  @IsString() @MaxLength(1024) title!: string;
  @IsString() @MaxLength(1024) address!: string;
}

export class ContactContentDto implements ContactContent {
  @Equals('contact') kind!: 'contact';
  @IsString() @Length(1, 64) phoneNumber!: string;
  @IsString() @MaxLength(256) firstName!: string;
  @ValidateIf((o: ContactContentDto) => o.lastName !== null) @IsString() @MaxLength(256) lastName!:
    string | null;
  @ValidateIf((o: ContactContentDto) => o.userId !== null) @Matches(/^\d{1,20}$/) userId!:
    string | null;
}

export class PollContentDto implements PollContent {
  @Equals('poll') kind!: 'poll';
  @IsString() @Length(1, 300) question!: string;
  @IsArray() @IsString({ each: true }) @MaxLength(100, { each: true }) options!: string[];
  @IsIn(['regular', 'quiz']) pollType!: 'regular' | 'quiz';
}

export class DiceContentDto implements DiceContent {
  @Equals('dice') kind!: 'dice';
  @IsString() @Length(1, 16) emoji!: string;
  @IsInt() @Min(1) @Max(64) value!: number;
}

/** Lowercase words joined by `_`, as the Bot API names message fields. */
export const UNSUPPORTED_KIND_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

export class UnsupportedContentDto implements UnsupportedContent {
  @Equals('unsupported') kind!: 'unsupported';
  @Matches(UNSUPPORTED_KIND_PATTERN) unsupportedKind!: string;
  @ValidateIf((o: UnsupportedContentDto) => o.caption !== null)
  @IsString()
  @Length(1, 4096)
  caption!: string | null;
}

/** Any content's DTO: what a `content` field declares. */
export type MessageContentDto =
  | TextContentDto
  | MediaContentDto
  | StickerContentDto
  | LocationContentDto
  | VenueContentDto
  | ContactContentDto
  | PollContentDto
  | DiceContentDto
  | UnsupportedContentDto;

/**
 * For a nested `content` field: `@NestedObject(() => Object, MESSAGE_CONTENT_TYPE)`
 * picks the DTO by `kind`.
 */
export const MESSAGE_CONTENT_TYPE = {
  discriminator: {
    property: 'kind',
    subTypes: [
      { value: TextContentDto, name: 'text' },
      ...MEDIA_CONTENT_KINDS.map((name) => ({ value: MediaContentDto, name })),
      { value: StickerContentDto, name: 'sticker' },
      { value: LocationContentDto, name: 'location' },
      { value: VenueContentDto, name: 'venue' },
      { value: ContactContentDto, name: 'contact' },
      { value: PollContentDto, name: 'poll' },
      { value: DiceContentDto, name: 'dice' },
      { value: UnsupportedContentDto, name: 'unsupported' },
    ],
  },
  keepDiscriminatorProperty: true,
};

/** "Unsupported message (photo)": how an unsupported message reads in plain text. */
export const unsupportedMessageLabel = (unsupportedKind: string): string =>
  `Unsupported message (${unsupportedKind})`;

/**
 * The English name of each kind, as a preview starts ("Photo: my receipt"); the web app puts
 * the manager's language in its place.
 */
export const CONTENT_KIND_LABELS: Readonly<
  Record<Exclude<MessageKind, 'text' | 'unsupported'>, string>
> = {
  photo: 'Photo',
  video: 'Video',
  video_note: 'Video message',
  voice: 'Voice message',
  audio: 'Audio',
  document: 'Document',
  animation: 'GIF',
  sticker: 'Sticker',
  location: 'Location',
  venue: 'Venue',
  contact: 'Contact',
  poll: 'Poll',
  dice: 'Dice',
};

/** `m:ss` (or `h:mm:ss`) of a duration in seconds: "0:12". */
export const formatDuration = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
};

const withDetail = (label: string, detail: string | null): string =>
  detail === null || detail === '' ? label : `${label}: ${detail}`;

/**
 * One line for the chat list: what the message is, in plain text. "Photo: caption", "Voice
 * message 0:12", "Document: contract.pdf", "Location", "Sticker 😀", ...
 */
export const contentPreview = (content: MessageContent): string => {
  switch (content.kind) {
    case 'text':
      return content.text;
    case 'voice':
    case 'video_note': {
      const label = CONTENT_KIND_LABELS[content.kind];
      const timed =
        content.file.duration === null
          ? label
          : `${label} ${formatDuration(content.file.duration)}`;
      return withDetail(timed, content.caption);
    }
    case 'audio':
    case 'document':
      return withDetail(
        CONTENT_KIND_LABELS[content.kind],
        content.caption ?? content.file.fileName,
      );
    case 'photo':
    case 'video':
    case 'animation':
      return withDetail(CONTENT_KIND_LABELS[content.kind], content.caption);
    case 'sticker':
      return content.emoji === null ? 'Sticker' : `Sticker ${content.emoji}`;
    case 'location':
      return 'Location';
    case 'venue':
      return withDetail('Venue', content.title);
    case 'contact':
      return withDetail('Contact', [content.firstName, content.lastName].filter(Boolean).join(' '));
    case 'poll':
      return withDetail('Poll', content.question);
    case 'dice':
      return `Dice ${content.emoji} ${content.value}`;
    case 'unsupported': {
      const label = unsupportedMessageLabel(content.unsupportedKind);
      return content.caption === null ? label : `${label}: ${content.caption}`;
    }
    default: {
      const _exhaustive: never = content;
      return _exhaustive;
    }
  }
};
