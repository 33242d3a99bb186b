import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';

/**
 * The subset of the Bot API's Update that Parley reads (https://core.telegram.org/bots/api#update).
 * Fields outside it are not checked and not read: Telegram adds fields over time.
 */
export class TelegramUserDto {
  @IsInt() id!: number;
  @IsBoolean() is_bot!: boolean;
  @IsString() first_name!: string;
  @IsOptional() @IsString() last_name?: string;
  @IsOptional() @IsString() username?: string;
  @IsOptional() @IsString() language_code?: string;
}

export class TelegramChatDto {
  @IsInt() id!: number;
  @IsString() type!: string;
}

export class TelegramMessageEntityDto {
  @IsString() type!: string;
  @IsInt() @Min(0) offset!: number;
  @IsInt() @Min(0) length!: number;
}

export class TelegramMessageDto {
  @IsInt() @Min(0) message_id!: number;
  /** Unix time in seconds. */
  @IsInt() @Min(0) date!: number;
  @IsDefined() @ValidateNested() @Type(() => TelegramChatDto) chat!: TelegramChatDto;
  @IsDefined() @ValidateNested() @Type(() => TelegramUserDto) from!: TelegramUserDto;
  @IsOptional() @IsString() text?: string;
  /** grammY finds commands (`/start`) through these. */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TelegramMessageEntityDto)
  entities?: TelegramMessageEntityDto[];
}

export class TelegramUpdateDto {
  @IsInt() @Min(0) update_id!: number;
  @IsOptional() @ValidateNested() @Type(() => TelegramMessageDto) message?: TelegramMessageDto;
}

/** What the checked subset of an update holds, as plain data. */
export type TelegramUser = TelegramUserDto;
export type TelegramMessage = TelegramMessageDto;
export type TelegramUpdate = TelegramUpdateDto;
