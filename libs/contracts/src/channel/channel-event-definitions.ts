import { Type } from 'class-transformer';
import {
  Equals,
  IsArray,
  IsBoolean,
  IsDefined,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { EventDefinition } from '../upcasting/event-catalog';
import { MESSAGE_CONTENT_TYPE, TextContentDto, UnsupportedContentDto } from './message-content';
import { REJECTED_UPDATE_RAW_LIMIT } from './channel-events';

/** Payload DTOs of the channel's events, for consumers to validate what they read (style 19). */
export class ChannelClientDto {
  @IsString() @Length(1, 64) externalId!: string;
  @IsOptional() @IsString() username!: string | null;
  @IsString() firstName!: string;
  @IsOptional() @IsString() lastName!: string | null;
  @IsOptional() @IsString() languageCode!: string | null;
}

export const TELEGRAM_ID = /^-?\d{1,20}$/;

class TelegramSourceDto {
  @Equals('telegram') channel!: 'telegram';
  @Matches(TELEGRAM_ID) botId!: string;
  @Matches(TELEGRAM_ID) chatId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @IsDefined() @ValidateNested() @Type(() => ChannelClientDto) client!: ChannelClientDto;
  @IsInt() @Min(0) updateId!: number;
  @IsISO8601({ strict: true }) sentAt!: string;
}

export class ClientStartedDataDto extends TelegramSourceDto {
  @IsOptional() @IsString() @MaxLength(4096) payload!: string | null;
}

export class MessageReceivedDataDto extends TelegramSourceDto {
  @IsString() @Length(1, 64) externalMessageId!: string;
  @IsDefined()
  @ValidateNested()
  @Type(() => Object, MESSAGE_CONTENT_TYPE)
  content!: TextContentDto | UnsupportedContentDto;
}

export class MessageDeliveredDataDto {
  @IsString() conversationId!: string;
  @IsString() messageId!: string;
  @IsString() externalMessageId!: string;
  @IsISO8601({ strict: true }) deliveredAt!: string;
}

export class MessageDeliveryFailedDataDto {
  @IsString() conversationId!: string;
  @IsString() messageId!: string;
  @IsString() code!: string;
  @IsString() reason!: string;
  @IsBoolean() retryable!: boolean;
  @IsISO8601({ strict: true }) failedAt!: string;
}

export class MessageSendAttemptedDataDto {
  @IsString() conversationId!: string;
  @IsString() messageId!: string;
  @IsInt() @Min(1) attempt!: number;
  @IsISO8601({ strict: true }) attemptedAt!: string;
}

export class MessageSendAttemptFailedDataDto {
  @IsString() conversationId!: string;
  @IsString() messageId!: string;
  @IsInt() @Min(1) attempt!: number;
  @IsString() reason!: string;
  @IsISO8601({ strict: true }) failedAt!: string;
}

export class FieldIssueDto {
  @IsString() field!: string;
  @IsString() reason!: string;
}

export class UpdateRejectedDataDto {
  @Equals('telegram') channel!: 'telegram';
  @Matches(TELEGRAM_ID) botId!: string;
  @IsInt() @Min(0) updateId!: number;
  @IsString() @Length(1, 1000) reason!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => FieldIssueDto) issues!: FieldIssueDto[];
  @IsString() @MaxLength(REJECTED_UPDATE_RAW_LIMIT) rawUpdate!: string;
  @IsBoolean() rawTruncated!: boolean;
  @IsISO8601({ strict: true }) receivedAt!: string;
}

/** The version `Channel.MessageReceived` is written with: v2 added `unsupported` content. */
export const MESSAGE_RECEIVED_SCHEMA_VERSION = 2;

/**
 * The channel's events for the EventCatalog: current version, payload DTO, upcasters.
 * `Channel.MessageReceived` v1 → v2: v1 content was always `{kind: 'text', text}`, which v2
 * reads unchanged; a v1 payload without `content.kind` (none was ever written) is read as text.
 * The version moved so that a process that knows only v1 refuses a v2 event ("newer than this
 * process knows") instead of misreading an unsupported message.
 */
export const channelEventDefinitions: readonly EventDefinition[] = [
  { type: 'Channel.ClientStarted', schemaVersion: 1, data: ClientStartedDataDto },
  {
    type: 'Channel.MessageReceived',
    schemaVersion: MESSAGE_RECEIVED_SCHEMA_VERSION,
    data: MessageReceivedDataDto,
    upcasters: { 1: (data) => ({ ...data, content: textContentOfV1(data['content']) }) },
  },
  { type: 'Channel.MessageDelivered', schemaVersion: 1, data: MessageDeliveredDataDto },
  { type: 'Channel.MessageDeliveryFailed', schemaVersion: 1, data: MessageDeliveryFailedDataDto },
  { type: 'Channel.MessageSendAttempted', schemaVersion: 1, data: MessageSendAttemptedDataDto },
  {
    type: 'Channel.MessageSendAttemptFailed',
    schemaVersion: 1,
    data: MessageSendAttemptFailedDataDto,
  },
  { type: 'Channel.UpdateRejected', schemaVersion: 1, data: UpdateRejectedDataDto },
];

const textContentOfV1 = (content: unknown): unknown => {
  if (typeof content !== 'object' || content === null || 'kind' in content) return content;
  return { ...content, kind: 'text' };
};
