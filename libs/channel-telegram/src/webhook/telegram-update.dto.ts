import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** Ids above this lose precision as JS numbers; Telegram's fit in 52 bits. */
const MAX_ID = Number.MAX_SAFE_INTEGER;
/** 9999-12-31T23:59:59Z: the last Unix time an ISO date with a four-digit year can say. */
const MAX_UNIX_TIME = 253_402_300_799;

/**
 * The subset of the Bot API's Update that Parley reads (https://core.telegram.org/bots/api#update).
 * Fields outside it are not checked and not read: Telegram adds fields over time.
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
  @IsOptional() @ValidateNested() @Type(() => TelegramUserDto) user?: TelegramUserDto;
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
  @IsDefined() @ValidateNested() @Type(() => TelegramLocationDto) location!: TelegramLocationDto;
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
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => TelegramPollOptionDto)
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
  @IsDefined() @ValidateNested() @Type(() => TelegramChatDto) chat!: TelegramChatDto;
  /** Absent in channels and for anonymous group admins; always there in a private chat. */
  @IsOptional() @ValidateNested() @Type(() => TelegramUserDto) from?: TelegramUserDto;
  @IsOptional() @IsString() @Length(1, 4096) text?: string;
  /** What the client wrote under a photo, a video, a document, ... */
  @IsOptional() @IsString() @MaxLength(4096) caption?: string;
  /** Commands (`/start`) are found through these, as grammY finds them. */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TelegramMessageEntityDto)
  entities?: TelegramMessageEntityDto[];
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TelegramMessageEntityDto)
  caption_entities?: TelegramMessageEntityDto[];
  /** An edited message's Unix time of its last edit. */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_UNIX_TIME) edit_date?: number;
  /** The sizes of a photo, smallest first. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => TelegramFileDto)
  photo?: TelegramFileDto[];
  @IsOptional() @ValidateNested() @Type(() => TelegramFileDto) video?: TelegramFileDto;
  @IsOptional() @ValidateNested() @Type(() => TelegramFileDto) video_note?: TelegramFileDto;
  @IsOptional() @ValidateNested() @Type(() => TelegramFileDto) voice?: TelegramFileDto;
  @IsOptional() @ValidateNested() @Type(() => TelegramFileDto) audio?: TelegramFileDto;
  @IsOptional() @ValidateNested() @Type(() => TelegramFileDto) document?: TelegramFileDto;
  @IsOptional() @ValidateNested() @Type(() => TelegramFileDto) animation?: TelegramFileDto;
  @IsOptional() @ValidateNested() @Type(() => TelegramStickerDto) sticker?: TelegramStickerDto;
  @IsOptional() @ValidateNested() @Type(() => TelegramLocationDto) location?: TelegramLocationDto;
  @IsOptional() @ValidateNested() @Type(() => TelegramVenueDto) venue?: TelegramVenueDto;
  @IsOptional() @ValidateNested() @Type(() => TelegramContactDto) contact?: TelegramContactDto;
  @IsOptional() @ValidateNested() @Type(() => TelegramPollDto) poll?: TelegramPollDto;
  @IsOptional() @ValidateNested() @Type(() => TelegramDiceDto) dice?: TelegramDiceDto;
}

/** A chat member's state (ChatMember): `member`, `kicked`, `left`, `administrator`, ... */
export class TelegramChatMemberDto {
  @IsString() @Length(1, 32) status!: string;
}

/** The bot's own membership changed (`my_chat_member`): in a private chat, blocked or not. */
export class TelegramChatMemberUpdatedDto {
  @IsDefined() @ValidateNested() @Type(() => TelegramChatDto) chat!: TelegramChatDto;
  @IsDefined() @ValidateNested() @Type(() => TelegramUserDto) from!: TelegramUserDto;
  @IsInt() @Min(0) @Max(MAX_UNIX_TIME) date!: number;
  @IsDefined()
  @ValidateNested()
  @Type(() => TelegramChatMemberDto)
  old_chat_member!: TelegramChatMemberDto;
  @IsDefined()
  @ValidateNested()
  @Type(() => TelegramChatMemberDto)
  new_chat_member!: TelegramChatMemberDto;
}

export class TelegramUpdateDto {
  @IsInt() @Min(0) @Max(MAX_ID) update_id!: number;
  @IsOptional() @ValidateNested() @Type(() => TelegramMessageDto) message?: TelegramMessageDto;
  @IsOptional()
  @ValidateNested()
  @Type(() => TelegramMessageDto)
  edited_message?: TelegramMessageDto;
  @IsOptional()
  @ValidateNested()
  @Type(() => TelegramChatMemberUpdatedDto)
  my_chat_member?: TelegramChatMemberUpdatedDto;
}

/** What the checked subset of an update holds, as plain data. */
export type TelegramUser = TelegramUserDto;
export type TelegramMessage = TelegramMessageDto;
export type TelegramUpdate = TelegramUpdateDto;
export type TelegramFile = TelegramFileDto;
export type TelegramMessageEntity = TelegramMessageEntityDto;
export type TelegramChatMemberUpdated = TelegramChatMemberUpdatedDto;
