import { Equals, IsString, Length } from 'class-validator';

/**
 * What a message carries. A union by `kind`: text now; photo, voice, video, video_note,
 * document, sticker, location and contact (C1) join it as they are built.
 */
export interface TextContent {
  readonly kind: 'text';
  readonly text: string;
}

export type MessageContent = TextContent;

export class TextContentDto implements TextContent {
  @Equals('text') kind!: 'text';
  @IsString() @Length(1, 4096) text!: string;
}

/** One line for the chat list: what the message is, in plain text. */
export const contentPreview = (content: MessageContent): string => {
  switch (content.kind) {
    case 'text':
      return content.text;
  }
};
