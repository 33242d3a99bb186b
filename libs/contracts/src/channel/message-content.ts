import { Equals, IsString, Length, Matches, ValidateIf } from 'class-validator';

/**
 * What a message carries. A union by `kind`: text, and `unsupported` for a client message of a
 * kind Parley cannot show yet (a photo, a voice note, ...), so that nothing a client sends
 * disappears. Photo, voice, video, video_note, document, sticker, location and contact (C1)
 * join the union as they are built, each taking its kinds out of `unsupported`.
 */
export interface TextContent {
  readonly kind: 'text';
  readonly text: string;
}

/** A client message Parley cannot show yet: what it was, and its caption if it had one. */
export interface UnsupportedContent {
  readonly kind: 'unsupported';
  /** The messenger's name for it: `photo`, `voice`, `video_note`, `sticker`, ... or `unknown`. */
  readonly unsupportedKind: string;
  /** The caption the client wrote under it (photos, videos, documents, ...), or null. */
  readonly caption: string | null;
}

export type MessageContent = TextContent | UnsupportedContent;
export type MessageKind = MessageContent['kind'];

export class TextContentDto implements TextContent {
  @Equals('text') kind!: 'text';
  @IsString() @Length(1, 4096) text!: string;
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

/**
 * For a nested `content` field: `@ValidateNested() @Type(() => Object, MESSAGE_CONTENT_TYPE)`
 * picks the DTO by `kind`.
 */
export const MESSAGE_CONTENT_TYPE = {
  discriminator: {
    property: 'kind',
    subTypes: [
      { value: TextContentDto, name: 'text' },
      { value: UnsupportedContentDto, name: 'unsupported' },
    ],
  },
  keepDiscriminatorProperty: true,
};

/** "Unsupported message (photo)": how an unsupported message reads in plain text. */
export const unsupportedMessageLabel = (unsupportedKind: string): string =>
  `Unsupported message (${unsupportedKind})`;

/** One line for the chat list: what the message is, in plain text. */
export const contentPreview = (content: MessageContent): string => {
  switch (content.kind) {
    case 'text':
      return content.text;
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
