import {
  Equals,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  IsUUID,
} from 'class-validator';
import { NestedList, NestedObject } from '../validation/nested-object';
import type { EventDefinition } from '../upcasting/event-catalog';
import { MESSAGE_CONTENT_TYPE, type MessageContentDto } from './message-content';
import { MEDIA_KINDS, type MediaKind } from '../media/media-api';
import {
  MEDIA_FETCH_FAILURE_REASONS,
  REJECTED_UPDATE_RAW_LIMIT,
  type MediaFetchFailureReason,
} from './channel-events';

/** Payload DTOs of the channel's events, for consumers to validate what they read (style 19). */
export class ChannelClientDto {
  @IsString() @Length(1, 64) externalId!: string;
  @IsOptional() @IsString() username!: string | null;
  @IsString() firstName!: string;
  @IsOptional() @IsString() lastName!: string | null;
  @IsOptional() @IsString() languageCode!: string | null;
}

export const TELEGRAM_ID = /^-?\d{1,20}$/;

class TelegramChatSourceDto {
  @Equals('telegram') channel!: 'telegram';
  @Matches(TELEGRAM_ID) botId!: string;
  @Matches(TELEGRAM_ID) chatId!: string;
  @IsString() @Length(1, 200) conversationId!: string;
  @NestedObject(() => ChannelClientDto) client!: ChannelClientDto;
  @IsInt() @Min(0) updateId!: number;
}

class TelegramSourceDto extends TelegramChatSourceDto {
  @IsISO8601({ strict: true }) sentAt!: string;
}

export class ClientStartedDataDto extends TelegramSourceDto {
  @IsOptional() @IsString() @MaxLength(4096) payload!: string | null;
}

export class MessageReceivedDataDto extends TelegramSourceDto {
  @IsString() @Length(1, 64) externalMessageId!: string;
  @NestedObject(() => Object, MESSAGE_CONTENT_TYPE)
  content!: MessageContentDto;
}

export class MessageEditedDataDto extends TelegramSourceDto {
  @IsString() @Length(1, 64) externalMessageId!: string;
  @NestedObject(() => Object, MESSAGE_CONTENT_TYPE)
  content!: MessageContentDto;
  @IsISO8601({ strict: true }) editedAt!: string;
}

export class BotBlockedDataDto extends TelegramChatSourceDto {
  @IsISO8601({ strict: true }) blockedAt!: string;
}

export class BotUnblockedDataDto extends TelegramChatSourceDto {
  @IsISO8601({ strict: true }) unblockedAt!: string;
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

export class MediaFetchedDataDto {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() messageId!: string;
  @IsString() @Length(1, 64) externalMessageId!: string;
  @IsUUID() mediaId!: string;
  @IsIn(MEDIA_KINDS) kind!: MediaKind;
  @IsString() @Length(1, 255) contentType!: string;
  @IsInt() @Min(0) size!: number;
  @IsISO8601({ strict: true }) fetchedAt!: string;
}

export class MediaFetchFailedDataDto {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() messageId!: string;
  @IsString() @Length(1, 64) externalMessageId!: string;
  @IsIn(MEDIA_FETCH_FAILURE_REASONS) reason!: MediaFetchFailureReason;
  @IsString() @MaxLength(1000) detail!: string;
  @IsOptional() @IsString() @MaxLength(1024) fileName!: string | null;
  @IsOptional() @IsInt() @Min(0) fileSize!: number | null;
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
  @NestedList(() => FieldIssueDto) issues!: FieldIssueDto[];
  @IsString() @MaxLength(REJECTED_UPDATE_RAW_LIMIT) rawUpdate!: string;
  @IsBoolean() rawTruncated!: boolean;
  @IsISO8601({ strict: true }) receivedAt!: string;
}

/**
 * The version `Channel.MessageReceived` is written with: v2 added `unsupported` content, v3 every
 * other kind (photo, voice, sticker, location, ...) and text entities.
 */
export const MESSAGE_RECEIVED_SCHEMA_VERSION = 3;

/**
 * The channel's events for the EventCatalog: current version, payload DTO, upcasters.
 * `Channel.MessageReceived` v1 → v2: v1 content was always `{kind: 'text', text}`, which v2
 * reads unchanged; a v1 payload without `content.kind` (none was ever written) is read as text.
 * The version moved so that a process that knows only v1 refuses a v2 event ("newer than this
 * process knows") instead of misreading an unsupported message. v2 → v3 is the same: every v2
 * content (text, unsupported) reads unchanged in v3, and a v2-only process refuses a v3 photo.
 * `Channel.MessageEdited`, `Channel.BotBlocked`, `Channel.BotUnblocked`, `Channel.MediaFetched`
 * and `Channel.MediaFetchFailed` (issue 9) start at v1.
 */
export const channelEventDefinitions: readonly EventDefinition[] = [
  { type: 'Channel.ClientStarted', schemaVersion: 1, data: ClientStartedDataDto },
  {
    type: 'Channel.MessageReceived',
    schemaVersion: MESSAGE_RECEIVED_SCHEMA_VERSION,
    data: MessageReceivedDataDto,
    upcasters: {
      1: (data) => ({ ...data, content: textContentOfV1(data['content']) }),
      2: (data) => data,
    },
  },
  { type: 'Channel.MessageEdited', schemaVersion: 1, data: MessageEditedDataDto },
  { type: 'Channel.BotBlocked', schemaVersion: 1, data: BotBlockedDataDto },
  { type: 'Channel.BotUnblocked', schemaVersion: 1, data: BotUnblockedDataDto },
  { type: 'Channel.MessageDelivered', schemaVersion: 1, data: MessageDeliveredDataDto },
  { type: 'Channel.MessageDeliveryFailed', schemaVersion: 1, data: MessageDeliveryFailedDataDto },
  { type: 'Channel.MessageSendAttempted', schemaVersion: 1, data: MessageSendAttemptedDataDto },
  {
    type: 'Channel.MessageSendAttemptFailed',
    schemaVersion: 1,
    data: MessageSendAttemptFailedDataDto,
  },
  { type: 'Channel.MediaFetched', schemaVersion: 1, data: MediaFetchedDataDto },
  { type: 'Channel.MediaFetchFailed', schemaVersion: 1, data: MediaFetchFailedDataDto },
  { type: 'Channel.UpdateRejected', schemaVersion: 1, data: UpdateRejectedDataDto },
];

const textContentOfV1 = (content: unknown): unknown => {
  if (typeof content !== 'object' || content === null || 'kind' in content) return content;
  return { ...content, kind: 'text' };
};
