import {
  Equals,
  IsIn,
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { NestedObject } from '../validation/nested-object';
import { ChannelClientDto, TELEGRAM_ID } from '../channel/channel-event-definitions';
import {
  MEDIA_FETCH_FAILURE_REASONS,
  type MediaFetchFailureReason,
  type TelegramSource,
} from '../channel/channel-events';
import { MESSAGE_CONTENT_TYPE, type MessageContentDto } from '../channel/message-content';
import type { EventDefinition } from '../upcasting/event-catalog';
import {
  CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION,
  clientMessageReceivedData,
} from './client-message-order';
import type {
  ClientBlockedBot,
  ClientMediaFetched,
  ClientMediaFetchFailed,
  ClientMessageEdited,
  ClientUnblockedBot,
  ClientMessageReceived,
  ConversationArchived,
  ConversationMarkedRead,
  ConversationPinned,
  ConversationStarted,
  ConversationUnarchived,
  ConversationUnpinned,
  ConversationIgnored,
  ConversationUnignored,
  ConversationMarkedUnread,
  ManagerMessageQueued,
  ManagerMessageRequeued,
  ConversationMessageDelivered,
  ConversationMessageDeliveryFailed,
  MessageMarkedSent,
} from './conversation-events';
import { MANAGER_MESSAGE_CONTENT_TYPE, type ManagerMessageContentDto } from './attachment-content';
import { TranslatedFromDto } from './conversation-commands';

type DataOf<E extends { readonly data: object }> = E['data'];

/**
 * Payload DTOs of the conversation's events, for consumers to validate what they read
 * (style 19). Each `implements` its event's data, so a field added to the event type and not
 * here breaks the build. Nullable fields must be present (null, not missing).
 */

/** Where a conversation's client writes from, and where replies go. */
export class TelegramSourceDto implements TelegramSource {
  @Equals('telegram') channel!: 'telegram';
  @Matches(TELEGRAM_ID) botId!: string;
  @Matches(TELEGRAM_ID) chatId!: string;
}

export class ConversationStartedDataDto implements DataOf<ConversationStarted> {
  @IsString() @Length(1, 200) conversationId!: string;
  @NestedObject(() => TelegramSourceDto) source!: TelegramSourceDto;
  @NestedObject(() => ChannelClientDto) client!: ChannelClientDto;
  @IsISO8601({ strict: true }) startedAt!: string;
}

export class ClientMessageReceivedDataDto implements DataOf<ClientMessageReceived> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() messageId!: string;
  @IsString() @Length(1, 64) externalMessageId!: string;
  @NestedObject(() => Object, MESSAGE_CONTENT_TYPE)
  content!: MessageContentDto;
  @IsISO8601({ strict: true }) sentAt!: string;
  @ValidateIf((o: ClientMessageReceivedDataDto) => o.clientOrder !== null)
  @IsInt()
  @Min(0)
  clientOrder!: number | null;
  @IsISO8601({ strict: true }) placedAt!: string;
}

export class MessageVersionDto {
  @NestedObject(() => Object, MESSAGE_CONTENT_TYPE)
  content!: MessageContentDto;
  @IsISO8601({ strict: true }) at!: string;
}

export class ClientMessageEditedDataDto implements DataOf<ClientMessageEdited> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() messageId!: string;
  @IsString() @Length(1, 64) externalMessageId!: string;
  @IsString() @IsNotEmpty() editId!: string;
  @NestedObject(() => Object, MESSAGE_CONTENT_TYPE)
  content!: MessageContentDto;
  @IsISO8601({ strict: true }) editedAt!: string;
  @ValidateIf((o: ClientMessageEditedDataDto) => o.previousVersion !== null)
  @NestedObject(() => MessageVersionDto)
  previousVersion!: MessageVersionDto | null;
  @IsISO8601({ strict: true }) sentAt!: string;
  @ValidateIf((o: ClientMessageEditedDataDto) => o.clientOrder !== null)
  @IsInt()
  @Min(0)
  clientOrder!: number | null;
  @IsISO8601({ strict: true }) placedAt!: string;
}

export class ClientBlockedBotDataDto implements DataOf<ClientBlockedBot> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsISO8601({ strict: true }) blockedAt!: string;
}

export class ClientUnblockedBotDataDto implements DataOf<ClientUnblockedBot> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsISO8601({ strict: true }) unblockedAt!: string;
}

export class ClientMediaFetchedDataDto implements DataOf<ClientMediaFetched> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() messageId!: string;
  @IsUUID() mediaId!: string;
  @IsString() @Length(1, 255) contentType!: string;
  @IsInt() @Min(0) size!: number;
  @IsISO8601({ strict: true }) fetchedAt!: string;
}

export class ClientMediaFetchFailedDataDto implements DataOf<ClientMediaFetchFailed> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() messageId!: string;
  @IsIn(MEDIA_FETCH_FAILURE_REASONS) reason!: MediaFetchFailureReason;
  @IsOptional() @IsString() @MaxLength(1024) fileName!: string | null;
  @IsOptional() @IsInt() @Min(0) fileSize!: number | null;
  @IsISO8601({ strict: true }) failedAt!: string;
}

export class ManagerMessageQueuedDataDto implements DataOf<ManagerMessageQueued> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() messageId!: string;
  @IsString() @IsNotEmpty() managerId!: string;
  @NestedObject(() => TelegramSourceDto) recipient!: TelegramSourceDto;
  @NestedObject(() => Object, MANAGER_MESSAGE_CONTENT_TYPE)
  content!: ManagerMessageContentDto;
  @IsISO8601({ strict: true }) queuedAt!: string;
  @IsOptional() @NestedObject(() => TranslatedFromDto) translatedFrom?: TranslatedFromDto;
}

export class ConversationMessageDeliveredDataDto implements DataOf<ConversationMessageDelivered> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() messageId!: string;
  @IsString() @IsNotEmpty() externalMessageId!: string;
  @IsISO8601({ strict: true }) deliveredAt!: string;
}

export class ConversationMessageDeliveryFailedDataDto implements DataOf<ConversationMessageDeliveryFailed> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() messageId!: string;
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsISO8601({ strict: true }) failedAt!: string;
}

export class ManagerMessageRequeuedDataDto implements DataOf<ManagerMessageRequeued> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() messageId!: string;
  @IsString() @IsNotEmpty() managerId!: string;
  @NestedObject(() => TelegramSourceDto) recipient!: TelegramSourceDto;
  @NestedObject(() => Object, MANAGER_MESSAGE_CONTENT_TYPE)
  content!: ManagerMessageContentDto;
  /** A retry follows at least one failure. */
  @IsInt() @Min(1) retry!: number;
  @IsISO8601({ strict: true }) requeuedAt!: string;
}

export class MessageMarkedSentDataDto implements DataOf<MessageMarkedSent> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() messageId!: string;
  @IsString() @IsNotEmpty() managerId!: string;
  @IsISO8601({ strict: true }) markedAt!: string;
}

export class ConversationMarkedReadDataDto implements DataOf<ConversationMarkedRead> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsString() @IsNotEmpty() managerId!: string;
  @IsISO8601({ strict: true }) readAt!: string;
}

export class ConversationArchivedDataDto implements DataOf<ConversationArchived> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsISO8601({ strict: true }) archivedAt!: string;
}

export class ConversationUnarchivedDataDto implements DataOf<ConversationUnarchived> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsISO8601({ strict: true }) unarchivedAt!: string;
}

export class ConversationPinnedDataDto implements DataOf<ConversationPinned> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsISO8601({ strict: true }) pinnedAt!: string;
}

export class ConversationUnpinnedDataDto implements DataOf<ConversationUnpinned> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsISO8601({ strict: true }) unpinnedAt!: string;
}

export class ConversationIgnoredDataDto implements DataOf<ConversationIgnored> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsISO8601({ strict: true }) ignoredAt!: string;
}

export class ConversationUnignoredDataDto implements DataOf<ConversationUnignored> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsISO8601({ strict: true }) unignoredAt!: string;
}

export class ConversationMarkedUnreadDataDto implements DataOf<ConversationMarkedUnread> {
  @IsString() @Length(1, 200) conversationId!: string;
  @IsISO8601({ strict: true }) markedUnreadAt!: string;
}

/**
 * The conversation's events for the EventCatalog: current version, payload DTO, upcasters.
 * `Conversation.ClientMessageReceived` v1 → v2 adds `clientOrder` and `placedAt`
 * (`clientMessageReceivedData`: the order from the Telegram message id, placed when sent).
 * The upcaster keeps fields already there, so a v2-shaped payload under v1 reads unchanged.
 * v2 → v3 widens `content` to every kind (issue 9): a v2 payload reads unchanged, and a process
 * that knows only v2 refuses a v3 photo instead of misreading it. `ClientMessageEdited`,
 * `ClientBlockedBot`, `ClientUnblockedBot`, `ClientMediaFetched` and `ClientMediaFetchFailed`
 * start at v1, as do `Archived`, `Unarchived`, `Pinned` and `Unpinned` (L4, L8), `Ignored`,
 * `Unignored` (L8) and `MarkedUnread` (L9).
 */
export const conversationEventDefinitions: readonly EventDefinition[] = [
  { type: 'Conversation.Started', schemaVersion: 1, data: ConversationStartedDataDto },
  {
    type: 'Conversation.ClientMessageReceived',
    schemaVersion: CLIENT_MESSAGE_RECEIVED_SCHEMA_VERSION,
    data: ClientMessageReceivedDataDto,
    upcasters: {
      1: (data) =>
        clientMessageReceivedData(
          data as unknown as Parameters<typeof clientMessageReceivedData>[0],
        ),
      2: (data) => data,
    },
  },
  {
    type: 'Conversation.ClientMessageEdited',
    schemaVersion: 1,
    data: ClientMessageEditedDataDto,
  },
  { type: 'Conversation.ClientBlockedBot', schemaVersion: 1, data: ClientBlockedBotDataDto },
  { type: 'Conversation.ClientUnblockedBot', schemaVersion: 1, data: ClientUnblockedBotDataDto },
  { type: 'Conversation.ClientMediaFetched', schemaVersion: 1, data: ClientMediaFetchedDataDto },
  {
    type: 'Conversation.ClientMediaFetchFailed',
    schemaVersion: 1,
    data: ClientMediaFetchFailedDataDto,
  },
  {
    type: 'Conversation.ManagerMessageQueued',
    schemaVersion: 1,
    data: ManagerMessageQueuedDataDto,
  },
  {
    type: 'Conversation.MessageDelivered',
    schemaVersion: 1,
    data: ConversationMessageDeliveredDataDto,
  },
  {
    type: 'Conversation.MessageDeliveryFailed',
    schemaVersion: 1,
    data: ConversationMessageDeliveryFailedDataDto,
  },
  {
    type: 'Conversation.ManagerMessageRequeued',
    schemaVersion: 1,
    data: ManagerMessageRequeuedDataDto,
  },
  { type: 'Conversation.MessageMarkedSent', schemaVersion: 1, data: MessageMarkedSentDataDto },
  { type: 'Conversation.MarkedRead', schemaVersion: 1, data: ConversationMarkedReadDataDto },
  { type: 'Conversation.Archived', schemaVersion: 1, data: ConversationArchivedDataDto },
  { type: 'Conversation.Unarchived', schemaVersion: 1, data: ConversationUnarchivedDataDto },
  { type: 'Conversation.Pinned', schemaVersion: 1, data: ConversationPinnedDataDto },
  { type: 'Conversation.Unpinned', schemaVersion: 1, data: ConversationUnpinnedDataDto },
  { type: 'Conversation.Ignored', schemaVersion: 1, data: ConversationIgnoredDataDto },
  { type: 'Conversation.Unignored', schemaVersion: 1, data: ConversationUnignoredDataDto },
  {
    type: 'Conversation.MarkedUnread',
    schemaVersion: 1,
    data: ConversationMarkedUnreadDataDto,
  },
];
