import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
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
}

export class TelegramUpdateDto {
  @IsInt() @Min(0) @Max(MAX_ID) update_id!: number;
  @IsOptional() @ValidateNested() @Type(() => TelegramMessageDto) message?: TelegramMessageDto;
}

/** What the checked subset of an update holds, as plain data. */
export type TelegramUser = TelegramUserDto;
export type TelegramMessage = TelegramMessageDto;
export type TelegramUpdate = TelegramUpdateDto;
