import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { BusContext, DEFAULT_MAX_ATTEMPTS } from '@parley/bus';
import {
  readChannelEvent,
  type ChannelMessageReceived,
  type EventEnvelope,
  type MediaFetchFailureReason,
} from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { MEDIA_STORE, MediaTooLarge, type MediaStore, type StoredMedia } from '@parley/media-store';
import { CLOCK, EVENT_STORE, type Clock } from '@parley/platform';
import { GrammyError, HttpError, type Bot } from 'grammy';
import { TELEGRAM_BOT, TELEGRAM_CHANNEL_CONFIG } from '../bot/telegram-bot';
import { channelStream } from '../inbound/inbound-channel-events';
import type { TelegramChannelConfig } from '../telegram-channel.config';
import {
  BOT_API_DOWNLOAD_LIMIT,
  classifyFetchFailure,
  clientMediaId,
  fileToFetchOf,
  mediaFetchedEvent,
  mediaFetchFailedEvent,
  tooLargeToFetch,
  type FileToFetch,
} from './media-fetch';

/** The media fetch's own consumer (docs/style.md 10): a slow download holds no other topic. */
export const CHANNEL_TELEGRAM_MEDIA_CONSUMER = 'channel-telegram-media';

/** Longest a download may take before it is given up (and retried by the bus). */
const DOWNLOAD_TIMEOUT_MS = 120_000;

/** A fetch that failed for now: thrown so the bus retries it. */
export class MediaFetchRetry extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MediaFetchRetry';
  }
}

/** A fetch that will never succeed: recorded as Channel.MediaFetchFailed with its reason. */
class MediaFetchRefused extends Error {
  constructor(
    readonly reason: MediaFetchFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'MediaFetchRefused';
  }
}

/**
 * Fetches a client's file into the media store after the message is recorded (issue 9, "Media
 * store"), never inside the webhook request: a reaction to Channel.MessageReceived with media
 * content (and stickers). getFile through grammY, then the download streamed into the store
 * (never buffered whole), under a media id name-based on the workspace, conversation and
 * `file_unique_id` (`clientMediaId`): a redelivered message finds the file stored and downloads
 * nothing. The outcome goes on the channel stream: Channel.MediaFetched, or
 * Channel.MediaFetchFailed with `too_large` (over the Bot API's 20 MB, or the store's limit:
 * never asked for when Telegram gave the size) or `unavailable` (Telegram refused the file id,
 * or the download answered 4xx). 429, 5xx and network failures throw, so the bus retries; the
 * last attempt records `unavailable` instead of dead-lettering the message.
 */
@Controller()
export class MediaFetchController {
  private readonly logger = new Logger('TelegramMediaFetch');

  constructor(
    @Inject(TELEGRAM_BOT) private readonly bot: Bot,
    @Inject(TELEGRAM_CHANNEL_CONFIG) private readonly config: TelegramChannelConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MEDIA_STORE) private readonly media: MediaStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @EventPattern('Channel.MessageReceived', { consumer: CHANNEL_TELEGRAM_MEDIA_CONSUMER })
  async onMessageReceived(@Payload() payload: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const received = readChannelEvent('Channel.MessageReceived', payload);
    const toFetch = fileToFetchOf(received.data.content);
    if (toFetch === null) return;
    const { file } = toFetch;
    const refuse = (reason: MediaFetchFailureReason, detail: string): Promise<void> =>
      this.record(mediaFetchFailedEvent(received, file, { reason, detail }, this.clock()));

    if (tooLargeToFetch(file, this.media.maxBytes)) {
      return refuse(
        'too_large',
        `the file is ${file.fileSize} bytes; files over ` +
          `${Math.min(BOT_API_DOWNLOAD_LIMIT, this.media.maxBytes)} bytes are not fetched`,
      );
    }
    try {
      const stored = await this.fetch(received, toFetch);
      await this.record(mediaFetchedEvent(received, stored, this.clock()));
    } catch (error) {
      if (error instanceof MediaFetchRefused) return refuse(error.reason, error.message);
      if (error instanceof MediaTooLarge) return refuse('too_large', error.message);
      if (ctx.getMessage().attempt >= DEFAULT_MAX_ATTEMPTS) {
        return refuse(
          'unavailable',
          `gave up after ${DEFAULT_MAX_ATTEMPTS} attempts: ${String(error)}`,
        );
      }
      throw error;
    }
  }

  /** The stored file, or a new one: getFile, then the download streamed into the store. */
  private async fetch(
    received: ChannelMessageReceived,
    toFetch: FileToFetch,
  ): Promise<StoredMedia> {
    const { workspaceId } = received.metadata;
    const mediaId = clientMediaId(
      workspaceId,
      received.data.conversationId,
      toFetch.file.fileUniqueId,
    );
    const already = await this.media.stat(workspaceId, mediaId);
    if (already) return already;

    const filePath = await this.filePathOf(toFetch.file.fileId);
    const root = this.config.TELEGRAM_API_ROOT.replace(/\/+$/, '');
    const url = `${root}/file/bot${this.config.TELEGRAM_BOT_TOKEN}/${filePath}`;
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    } catch (error) {
      throw new MediaFetchRetry(`the download of ${filePath} failed: ${String(error)}`);
    }
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      const failure = classifyFetchFailure(response.status, response.statusText);
      const detail = `the download of ${filePath} answered ${response.status}`;
      if (failure.kind === 'retry') throw new MediaFetchRetry(detail);
      throw new MediaFetchRefused(failure.reason, detail);
    }
    return this.media.put(
      {
        mediaId,
        workspaceId,
        conversationId: received.data.conversationId,
        kind: toFetch.kind,
        declaredContentType: toFetch.file.mimeType,
        fileName: toFetch.file.fileName,
        createdAt: received.data.sentAt,
      },
      response.body,
      { maxBytes: Math.min(BOT_API_DOWNLOAD_LIMIT, this.media.maxBytes) },
    );
  }

  /** getFile through grammY: the path to download, or why there is none. */
  private async filePathOf(fileId: string): Promise<string> {
    try {
      const file = await this.bot.api.getFile(fileId);
      if (file.file_path === undefined) {
        throw new MediaFetchRefused('unavailable', 'getFile answered no file_path');
      }
      return file.file_path;
    } catch (error) {
      if (error instanceof GrammyError) {
        const failure = classifyFetchFailure(error.error_code, error.description);
        if (failure.kind === 'permanent') {
          throw new MediaFetchRefused(failure.reason, `getFile: ${error.description}`);
        }
        throw new MediaFetchRetry(`getFile: ${error.description}`, { cause: error });
      }
      if (error instanceof HttpError) {
        throw new MediaFetchRetry(`getFile: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }

  private async record(event: EventEnvelope): Promise<void> {
    const result = await this.store.append(channelStream(event.metadata.aggregateId), [event], {
      expected: 'any',
    });
    if (result.appended) this.logger.log(`${event.type} for ${event.metadata.aggregateId}`);
  }
}
