import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { NestedList, NestedObject } from '@parley/contracts';

/** Ids above this lose precision as JS numbers; Telegram's fit in 52 bits. */
const MAX_ID = Number.MAX_SAFE_INTEGER;
/** 9999-12-31T23:59:59Z: the last Unix time an ISO date with a four-digit year can say. */
const MAX_UNIX_TIME = 253_402_300_799;

/**
 * The subset of the Bot API's Update that Parley reads (https://core.telegram.org/bots/api#update).
 * Fields outside it are not checked and not read: Telegram adds fields over time. Nested parts
 * are declared with NestedObject / NestedList, never a bare `@ValidateNested() @Type(...)`: that
 * let a list pass where Telegram sends one object (`message: []`, `from: [{...}]`); now it is a
 * rejected update naming the field.
 */
export class TelegramUserDto {
  @IsInt() @Min(-MAX_ID) @Max(MAX_ID) id!: number;
  @IsBoolean() is_bot!: boolean;
  @IsString() first_name!: string;
  @IsOptional() @IsString() last_name?: string;
  @IsOptional() @IsString() username?: string;
  @IsOptional() @IsString() language_code?: string;
}

export class TelegramChatDto {
  @IsInt() @Min(-MAX_ID) @Max(MAX_ID) id!: number;
  @IsString() type!: string;
}

export class TelegramMessageEntityDto {
  @IsString() type!: string;
  @IsInt() @Min(0) offset!: number;
  @IsInt() @Min(0) length!: number;
  /** `text_link` only. */
  @IsOptional() @IsString() @MaxLength(4096) url?: string;
  /** `text_mention` only. */
  @IsOptional() @NestedObject(() => TelegramUserDto) user?: TelegramUserDto;
}

/**
 * A file as the Bot API describes it: PhotoSize, Video, VideoNote (`length` is its diameter),
 * Voice, Audio, Document, Animation, Sticker. Only `file_id` and `file_unique_id` are always
 * there; the rest as each type has it.
 */
export class TelegramFileDto {
  @IsString() @Length(1, 256) file_id!: string;
  @IsString() @Length(1, 128) file_unique_id!: string;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_ID) file_size?: number;
  @IsOptional() @IsString() @Length(1, 255) mime_type?: string;
  @IsOptional() @IsString() @Length(1, 1024) file_name?: string;
  @IsOptional() @IsInt() @Min(0) width?: number;
  @IsOptional() @IsInt() @Min(0) height?: number;
  @IsOptional() @IsInt() @Min(0) duration?: number;
  @IsOptional() @IsInt() @Min(0) length?: number;
}

export class TelegramStickerDto extends TelegramFileDto {
  @IsBoolean() is_animated!: boolean;
  @IsBoolean() is_video!: boolean;
  @IsOptional() @IsString() @Length(1, 32) emoji?: string;
}

export class TelegramLocationDto {
  @IsNumber() @Min(-90) @Max(90) latitude!: number;
  @IsNumber() @Min(-180) @Max(180) longitude!: number;
  @IsOptional() @IsInt() @Min(0) live_period?: number;
}

export class TelegramVenueDto {
  @NestedObject(() => TelegramLocationDto) location!: TelegramLocationDto;
  @IsString() @MaxLength(1024) title!: string;
  @IsString() @MaxLength(1024) address!: string;
}

export class TelegramContactDto {
  @IsString() @Length(1, 64) phone_number!: string;
  @IsString() @MaxLength(256) first_name!: string;
  @IsOptional() @IsString() @MaxLength(256) last_name?: string;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_ID) user_id?: number;
}

export class TelegramPollOptionDto {
  @IsString() @MaxLength(100) text!: string;
}

export class TelegramPollDto {
  @IsString() @Length(1, 300) question!: string;
  @ArrayMaxSize(12)
  @NestedList(() => TelegramPollOptionDto)
  options!: TelegramPollOptionDto[];
  @IsIn(['regular', 'quiz']) type!: 'regular' | 'quiz';
}

export class TelegramDiceDto {
  @IsString() @Length(1, 16) emoji!: string;
  @IsInt() @Min(1) @Max(64) value!: number;
}

export class TelegramMessageDto {
  @IsInt() @Min(0) @Max(MAX_ID) message_id!: number;
  /** Unix time in seconds, from 1970 to the end of year 9999 (so it makes an ISO date). */
  @IsInt() @Min(0) @Max(MAX_UNIX_TIME) date!: number;
  @NestedObject(() => TelegramChatDto) chat!: TelegramChatDto;
  /** Absent in channels and for anonymous group admins; always there in a private chat. */
  @IsOptional() @NestedObject(() => TelegramUserDto) from?: TelegramUserDto;
  @IsOptional() @IsString() @Length(1, 4096) text?: string;
  /** What the client wrote under a photo, a video, a document, ... */
  @IsOptional() @IsString() @MaxLength(4096) caption?: string;
  /** Commands (`/start`) are found through these, as grammY finds them. */
  @IsOptional()
  @NestedList(() => TelegramMessageEntityDto)
  entities?: TelegramMessageEntityDto[];
  @IsOptional()
  @NestedList(() => TelegramMessageEntityDto)
  caption_entities?: TelegramMessageEntityDto[];
  /** An edited message's Unix time of its last edit. */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_UNIX_TIME) edit_date?: number;
  /** The sizes of a photo, smallest first. */
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @NestedList(() => TelegramFileDto)
  photo?: TelegramFileDto[];
  @IsOptional() @NestedObject(() => TelegramFileDto) video?: TelegramFileDto;
  @IsOptional() @NestedObject(() => TelegramFileDto) video_note?: TelegramFileDto;
  @IsOptional() @NestedObject(() => TelegramFileDto) voice?: TelegramFileDto;
  @IsOptional() @NestedObject(() => TelegramFileDto) audio?: TelegramFileDto;
  @IsOptional() @NestedObject(() => TelegramFileDto) document?: TelegramFileDto;
  @IsOptional() @NestedObject(() => TelegramFileDto) animation?: TelegramFileDto;
  @IsOptional() @NestedObject(() => TelegramStickerDto) sticker?: TelegramStickerDto;
  @IsOptional() @NestedObject(() => TelegramLocationDto) location?: TelegramLocationDto;
  @IsOptional() @NestedObject(() => TelegramVenueDto) venue?: TelegramVenueDto;
  @IsOptional() @NestedObject(() => TelegramContactDto) contact?: TelegramContactDto;
  @IsOptional() @NestedObject(() => TelegramPollDto) poll?: TelegramPollDto;
  @IsOptional() @NestedObject(() => TelegramDiceDto) dice?: TelegramDiceDto;
}

/** A chat member's state (ChatMember): `member`, `kicked`, `left`, `administrator`, ... */
export class TelegramChatMemberDto {
  @IsString() @Length(1, 32) status!: string;
}

/** The bot's own membership changed (`my_chat_member`): in a private chat, blocked or not. */
export class TelegramChatMemberUpdatedDto {
  @NestedObject(() => TelegramChatDto) chat!: TelegramChatDto;
  @NestedObject(() => TelegramUserDto) from!: TelegramUserDto;
  @IsInt() @Min(0) @Max(MAX_UNIX_TIME) date!: number;
  @NestedObject(() => TelegramChatMemberDto)
  old_chat_member!: TelegramChatMemberDto;
  @NestedObject(() => TelegramChatMemberDto)
  new_chat_member!: TelegramChatMemberDto;
}

export class TelegramUpdateDto {
  @IsInt() @Min(0) @Max(MAX_ID) update_id!: number;
  @IsOptional() @NestedObject(() => TelegramMessageDto) message?: TelegramMessageDto;
  @IsOptional()
  @NestedObject(() => TelegramMessageDto)
  edited_message?: TelegramMessageDto;
  @IsOptional()
  @NestedObject(() => TelegramChatMemberUpdatedDto)
  my_chat_member?: TelegramChatMemberUpdatedDto;
}

/** What the checked subset of an update holds, as plain data. */
export type TelegramUser = TelegramUserDto;
export type TelegramMessage = TelegramMessageDto;
export type TelegramUpdate = TelegramUpdateDto;
export type TelegramFile = TelegramFileDto;
export type TelegramMessageEntity = TelegramMessageEntityDto;
export type TelegramChatMemberUpdated = TelegramChatMemberUpdatedDto;
