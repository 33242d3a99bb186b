import {
  deterministicId,
  type ChannelMessageReceived,
  type EventMetadata,
  type MediaFetched,
  type MediaFetchFailed,
  type MediaFetchFailureReason,
  type MediaFile,
  type MediaKind,
  type MessageContent,
} from '@parley/contracts';
import { CHANNEL_TELEGRAM_ACTOR } from '../outbound/outbound-channel-events';

/**
 * The largest file a bot may download through the Bot API (getFile: "up to 20 MB in size"):
 * a larger one is recorded as too large to fetch, and never asked for.
 */
export const BOT_API_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/** A client message's file: what to fetch, and under which kind the store keeps it. */
export interface FileToFetch {
  readonly kind: MediaKind;
  readonly file: MediaFile;
}

/** The file a content carries (media kinds and stickers), or null for text, locations, ... */
export const fileToFetchOf = (content: MessageContent): FileToFetch | null => {
  switch (content.kind) {
    case 'photo':
    case 'video':
    case 'video_note':
    case 'voice':
    case 'audio':
    case 'document':
    case 'animation':
    case 'sticker':
      return { kind: content.kind, file: content.file };
    default:
      return null;
  }
};

/**
 * Parley's id of a client's file: name-based on the workspace, the conversation and Telegram's
 * `file_unique_id` (the same file whatever the bot or the day), so a redelivered message, or
 * the same file sent again in the conversation, is stored once. Per conversation, so each
 * conversation's Media tab lists what its client sent.
 */
export const clientMediaId = (
  workspaceId: string,
  conversationId: string,
  fileUniqueId: string,
): string => deterministicId('telegram-media', workspaceId, conversationId, fileUniqueId);

/** The conversation's id of a client message: as the conversation derives it. */
export const clientMessageIdOf = (received: ChannelMessageReceived): string =>
  deterministicId('client-message', received.metadata.eventId);

/** Whether the file is known to be over what can be fetched: the Bot API's limit or the store's. */
export const tooLargeToFetch = (file: MediaFile, storeMaxBytes: number): boolean =>
  file.fileSize !== null && file.fileSize > Math.min(BOT_API_DOWNLOAD_LIMIT, storeMaxBytes);

/** What a failed getFile or download means: retry it (the bus does), or record it for good. */
export type FetchFailureClass =
  | { readonly kind: 'retry' }
  | { readonly kind: 'permanent'; readonly reason: MediaFetchFailureReason };

/**
 * Classifies an answer of the Bot API (an error code and its description) for a getFile or a
 * file download. 400 "file is too big" is too large; other 4xx but 429 (invalid or expired
 * file id, not found) are unavailable for good; 429, 5xx and no answer are worth a retry.
 */
export const classifyFetchFailure = (
  status: number | null,
  description = '',
): FetchFailureClass => {
  if (status === null || status === 429 || status >= 500) return { kind: 'retry' };
  if (status === 400 && /too big|too large/i.test(description)) {
    return { kind: 'permanent', reason: 'too_large' };
  }
  if (status >= 400) return { kind: 'permanent', reason: 'unavailable' };
  return { kind: 'retry' };
};

/** One outcome per received message: a redelivered message appends nothing new. */
export const mediaFetchEventId = (receivedEventId: string): string =>
  deterministicId('telegram-media-fetch', receivedEventId);

const metadataOf = (received: ChannelMessageReceived, now: Date): EventMetadata => ({
  eventId: mediaFetchEventId(received.metadata.eventId),
  workspaceId: received.metadata.workspaceId,
  aggregateId: received.data.conversationId,
  occurredAt: now.toISOString(),
  schemaVersion: 1,
  correlationId: received.metadata.correlationId,
  causationId: received.metadata.eventId,
  actor: CHANNEL_TELEGRAM_ACTOR,
});

export const mediaFetchedEvent = (
  received: ChannelMessageReceived,
  stored: {
    readonly mediaId: string;
    readonly kind: MediaKind;
    readonly contentType: string;
    readonly size: number;
  },
  now: Date,
): MediaFetched => ({
  type: 'Channel.MediaFetched',
  data: {
    conversationId: received.data.conversationId,
    messageId: clientMessageIdOf(received),
    externalMessageId: received.data.externalMessageId,
    mediaId: stored.mediaId,
    kind: stored.kind,
    contentType: stored.contentType,
    size: stored.size,
    fetchedAt: now.toISOString(),
  },
  metadata: metadataOf(received, now),
});

export const mediaFetchFailedEvent = (
  received: ChannelMessageReceived,
  file: MediaFile,
  failure: { readonly reason: MediaFetchFailureReason; readonly detail: string },
  now: Date,
): MediaFetchFailed => ({
  type: 'Channel.MediaFetchFailed',
  data: {
    conversationId: received.data.conversationId,
    messageId: clientMessageIdOf(received),
    externalMessageId: received.data.externalMessageId,
    reason: failure.reason,
    detail: failure.detail.slice(0, 1000),
    fileName: file.fileName === null ? null : file.fileName.slice(0, 1024),
    fileSize: file.fileSize,
    failedAt: now.toISOString(),
  },
  metadata: metadataOf(received, now),
});
