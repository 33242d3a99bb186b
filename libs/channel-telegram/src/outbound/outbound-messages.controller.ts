import { Controller, Inject, Logger, Optional } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { BusContext, DEFAULT_MAX_ATTEMPTS, type Bus } from '@parley/bus';
import { EVENT_HEADERS, type EventEnvelope, type ManagerMessageContent } from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { MEDIA_STORE, type MediaStore } from '@parley/media-store';
import { BUS, CLOCK, EVENT_STORE, type Clock } from '@parley/platform';
import type { Bot } from 'grammy';
import { TELEGRAM_BOT } from '../bot/telegram-bot';
import { channelStream } from '../inbound/inbound-channel-events';
import { classifySendFailure } from './delivery-failure';
import {
  messageDeliveredEvent,
  messageDeliveryFailedEvent,
  sendAttemptedEvent,
  sendAttemptFailedEvent,
  type SendRequest,
} from './outbound-channel-events';
import { TelegramSendLimits } from './send-limits/telegram-send-limits';
import { ParkedSends, parkedMember, parseParkedMember } from './parking/parked-sends';
import { readSendRequest } from './read-send-request';
import { sendHistoryOf } from './send-history';
import { ATTACHMENT_MISSING_FAILURE, attachmentAvailable, sendToTelegram } from './telegram-send';
import { tooLongForTelegram } from './text-limit';

export const CHANNEL_TELEGRAM_CONSUMER = 'channel-telegram';

/**
 * The channel's own topic of parked sends (docs/architecture.md, Topics): a request to send whose
 * chat Telegram told to wait (a 429's `retry_after`), or that waits behind such a request, goes
 * here instead of holding the partition it came from. Keyed by conversation id, like the request;
 * the value and headers are the request's as the relay published it. Only parked sends live here,
 * and each waits at most PARKED_TURN_WAIT_MS in its handler before it is parked again.
 * (A literal, like the consumer names: tools/service-catalog reads them from this file.)
 */
export const PARKED_SENDS_TOPIC = 'parley.channel-telegram.parked-sends';

/** The consumer (own group `{service}.channel-telegram-parked`) that reads the parked sends. */
export const PARKED_SENDS_CONSUMER = 'channel-telegram-parked';

/**
 * Longest wait for a chat's turn (its spacing, the bot's rate) in one bus attempt of a request;
 * then the message goes back to the bus, which retries it. A chat held by a 429's retry_after
 * parks the send instead of waiting here. Well below the consumer's session timeout: a handler
 * cannot heartbeat while it waits.
 */
const MAX_TURN_WAIT_MS = 5_000;

/**
 * Longest wait of a parked send for its chat's turn in one handling; then it is parked again at
 * the end of the topic. Paces the round trips of a long hold (one per message every few seconds)
 * and bounds what the parked-sends partition waits for one chat.
 */
const PARKED_TURN_WAIT_MS = 4_000;

/** A parked send behind an earlier one of its chat waits this long before it goes round again. */
const BEHIND_PAUSE_MS = 200;

/** A transient failure the bus should retry; the message says what happened. */
export class TelegramSendRetry extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TelegramSendRetry';
  }
}

/** What is recorded when an earlier attempt went out and nothing came back (a crash, a kill). */
const UNANSWERED_ATTEMPT = {
  code: 'unconfirmed',
  reason:
    'The channel stopped while sending this message; Telegram may have delivered it, so it was ' +
    'not sent again: check the chat and resend if the client did not get it',
  retryable: true,
} as const;

/** A chat id as Telegram takes it: a number when it is one (it always is for private chats). */
const chatIdForApi = (chatId: string): number | string =>
  /^-?\d+$/.test(chatId) && Number.isSafeInteger(Number(chatId)) ? Number(chatId) : chatId;

/**
 * Sends managers' replies to Telegram and records the outcome on the channel stream (C4):
 * Channel.MessageDelivered, or Channel.MessageDeliveryFailed with a code and a readable reason.
 * Each attempt is recorded before its Bot API call (Channel.MessageSendAttempted), and an
 * error answer after it (Channel.MessageSendAttemptFailed). A 5xx or a refused connection throws
 * so the bus retries; the last attempt records the failure as retryable instead of
 * dead-lettering the request. A send whose fate is unknown (a timeout after the request went
 * out, or an attempt left unanswered by a crash) is never sent again on its own: it is recorded
 * as failed with code `unconfirmed`, for a manager to check and resend.
 * A manager's retry (Conversation.ManagerMessageRequeued, `retry: n`) starts a new round: the n
 * failures before it are acknowledged, so an `unconfirmed` message is sent again only then, on
 * purpose. Each round keeps the same guarantees (see `sendHistoryOf`).
 * A manager's attachment (B8) is uploaded from the media store (sendPhoto, sendVideo,
 * sendDocument, sendVoice; multipart, never a URL); one the store no longer has is refused
 * (`attachment_missing`). Before a call: a text over Telegram's 4,096 characters is refused
 * (`too_long`), and the send
 * waits its turn in the limits every replica shares (TelegramSendLimits: per chat, per bot, and
 * a 429's retry_after for that chat only), at most MAX_TURN_WAIT_MS per bus attempt.
 * A retry_after holds no other chat: a send answered 429, or to a chat held, or behind a parked
 * send of its chat, is parked (a copy on PARKED_SENDS_TOPIC, listed in ParkedSends) and its
 * handler returns, so the request's partition goes on. A parked send goes out through the same
 * limits and the same send history once the hold ends, however long it is, and after its chat's
 * earlier parked sends.
 */
@Controller()
export class OutboundMessagesController {
  private readonly logger = new Logger('TelegramOutbound');
  private readonly botId: string;

  constructor(
    @Inject(TELEGRAM_BOT) private readonly bot: Bot,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BUS) private readonly bus: Bus,
    private readonly limits: TelegramSendLimits,
    private readonly parked: ParkedSends,
    @Optional() @Inject(MEDIA_STORE) private readonly media: MediaStore | null = null,
  ) {
    this.botId = String(bot.botInfo.id);
  }

  @EventPattern('Conversation.ManagerMessageQueued', { consumer: CHANNEL_TELEGRAM_CONSUMER })
  async onManagerMessageQueued(@Payload() payload: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const queued = readSendRequest('Conversation.ManagerMessageQueued', payload);
    await this.send(queued, 0, ctx);
  }

  /** A manager's retry of a failed message (C4): a new round after `retry` failures. */
  @EventPattern('Conversation.ManagerMessageRequeued', { consumer: CHANNEL_TELEGRAM_CONSUMER })
  async onManagerMessageRequeued(
    @Payload() payload: unknown,
    @Ctx() ctx: BusContext,
  ): Promise<void> {
    const requeued = readSendRequest('Conversation.ManagerMessageRequeued', payload);
    await this.send(requeued, requeued.data.retry, ctx);
  }

  /**
   * A parked send (PARKED_SENDS_TOPIC): it goes out once it is its chat's first parked send and
   * the chat's turn comes within PARKED_TURN_WAIT_MS; otherwise it is parked again, at the end of
   * the topic, so waiting here never holds more than a few seconds of this partition.
   */
  @EventPattern({ topic: PARKED_SENDS_TOPIC }, { consumer: PARKED_SENDS_CONSUMER })
  async onParkedSend(@Payload() payload: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const type = ctx.getHeaders()[EVENT_HEADERS.eventType];
    if (
      type !== 'Conversation.ManagerMessageQueued' &&
      type !== 'Conversation.ManagerMessageRequeued'
    ) {
      throw new Error(`a parked send must be a request to send, not ${String(type)}`);
    }
    const request = readSendRequest(type, payload);
    const retry = request.type === 'Conversation.ManagerMessageRequeued' ? request.data.retry : 0;
    const { chatId } = request.data.recipient;
    const member = parkedMember(request.data.messageId, retry);
    try {
      await this.sendParked(request, retry, member, ctx);
    } catch (error) {
      // Dead-lettered after this attempt: the chat's later sends must not wait for it for ever.
      if (ctx.getMessage().attempt >= DEFAULT_MAX_ATTEMPTS) {
        await this.parked.unpark(chatId, member);
      }
      throw error;
    }
  }

  private async send(queued: SendRequest, retry: number, ctx: BusContext): Promise<void> {
    const ready = await this.prepare(queued, retry);
    if (!ready) return;
    const { chatId } = queued.data.recipient;
    const member = parkedMember(queued.data.messageId, retry);
    // Behind the chat's parked sends, or to a chat Telegram told to wait: parked (order kept).
    if (
      (await this.parked.first(chatId)) !== undefined ||
      (await this.limits.heldFor(chatId)) > 0
    ) {
      await this.park(queued, member, ctx);
      return;
    }
    const turn = await this.limits.acquire(chatId, MAX_TURN_WAIT_MS);
    if (!turn.granted) {
      if (turn.limit === 'held') {
        await this.park(queued, member, ctx);
        return;
      }
      const attempt = ctx.getMessage().attempt;
      if (attempt < DEFAULT_MAX_ATTEMPTS) {
        throw new TelegramSendRetry(
          `message ${queued.data.messageId}, attempt ${attempt}: chat ${chatId} must wait ` +
            `${turn.waitMs} ms more (${turn.limit})`,
        );
      }
      // Never attempted: nothing can have been delivered; a manager retries when Telegram lets.
      const failure = NOT_SENT_IN_TIME;
      this.logger.warn(`message ${queued.data.messageId} to chat ${chatId}: ${failure.reason}`);
      await this.record(ready.stream, messageDeliveryFailedEvent(queued, failure, this.clock()));
      return;
    }
    if ((await this.attempt(queued, ready, ctx)) === 'held') await this.park(queued, member, ctx);
  }

  private async sendParked(
    request: SendRequest,
    retry: number,
    member: string,
    ctx: BusContext,
  ): Promise<void> {
    const { chatId } = request.data.recipient;
    const ready = await this.prepare(request, retry);
    if (!ready) {
      await this.parked.unpark(chatId, member);
      return;
    }
    // The list was lost (Redis emptied) or the copy came before its listing: listed again.
    if (await this.parked.isParked(chatId, member)) await this.parked.seen(chatId, member);
    else await this.parked.park(chatId, member, orderOf(ctx, this.clock()));
    for (;;) {
      const first = await this.parked.first(chatId);
      if (first === undefined || first === member) break;
      const earlier = parseParkedMember(first);
      const finished = sendHistoryOf(ready.events, earlier.messageId, earlier.retry).finished;
      if (!finished && !(await this.parked.isLost(chatId, first))) {
        // An earlier parked send of this chat goes first: this one follows it round the topic.
        await sleep(BEHIND_PAUSE_MS);
        await this.repark(ctx);
        return;
      }
      // It went out or failed (a crash before its listing was removed), or its copy is lost.
      if (!finished) this.logger.warn(`parked send ${first} to chat ${chatId} was lost; skipped`);
      await this.parked.unpark(chatId, first);
    }
    const turn = await this.limits.acquire(chatId, PARKED_TURN_WAIT_MS);
    if (!turn.granted || (await this.attempt(request, ready, ctx)) === 'held') {
      await this.repark(ctx);
      return;
    }
    await this.parked.unpark(chatId, member);
  }

  /**
   * What must be known before a send: null when there is nothing to send (not this bot's, sent
   * already, left unanswered, or refused before any call, each recorded as it should be).
   */
  private async prepare(queued: SendRequest, retry: number): Promise<ReadySend | null> {
    const { recipient, conversationId, messageId, content } = queued.data;
    if (recipient.channel !== 'telegram' || recipient.botId !== this.botId) {
      this.logger.debug(
        `message ${messageId} is for ${recipient.channel} ${recipient.botId}: not ours`,
      );
      return null;
    }
    const stream = channelStream(conversationId);
    const events = (await this.store.readStream(stream)).map((r) => r.event);
    const history = sendHistoryOf(events, messageId, retry);
    if (history.finished) {
      this.logger.debug(`message ${messageId} (retry ${retry}) was sent or failed; nothing to do`);
      return null;
    }
    if (history.unanswered) {
      this.logger.warn(`message ${messageId}: an earlier attempt went unanswered; not sent again`);
      await this.record(
        stream,
        messageDeliveryFailedEvent(queued, UNANSWERED_ATTEMPT, this.clock()),
      );
      return null;
    }

    const refusal =
      content.kind === 'text'
        ? tooLongForTelegram(content.text)
        : (await attachmentAvailable(this.media, queued.metadata.workspaceId, content))
          ? null
          : ATTACHMENT_MISSING_FAILURE;
    if (refusal) {
      this.logger.warn(`message ${messageId} to chat ${recipient.chatId}: ${refusal.reason}`);
      await this.record(stream, messageDeliveryFailedEvent(queued, refusal, this.clock()));
      return null;
    }
    return { stream, events, attempts: history.attempts, content };
  }

  /**
   * One Bot API call, its attempt recorded before it: `sent` once the outcome is recorded
   * (delivered, or failed for good), `held` when Telegram answered 429 with a retry_after (the
   * chat is held in the shared limits; the caller parks the send). A failure worth another try
   * soon (5xx, a connection refused) throws so the bus retries, until its last attempt.
   */
  private async attempt(
    queued: SendRequest,
    ready: ReadySend,
    ctx: BusContext,
  ): Promise<'sent' | 'held'> {
    const { recipient, messageId } = queued.data;
    const attemptNo = ready.attempts + 1;
    await this.record(ready.stream, sendAttemptedEvent(queued, attemptNo, this.clock()));
    let result: EventEnvelope;
    try {
      const sent = await sendToTelegram(
        this.bot.api,
        this.media,
        queued.metadata.workspaceId,
        chatIdForApi(recipient.chatId),
        ready.content,
      );
      result = messageDeliveredEvent(queued, String(sent.message_id), this.clock());
    } catch (error) {
      const failure = classifySendFailure(error);
      if (failure.kind === 'unexpected') {
        // Thrown on this side of the call (nothing answered): the attempt delivered nothing.
        const reason = error instanceof Error ? error.message : String(error);
        await this.record(
          ready.stream,
          sendAttemptFailedEvent(queued, attemptNo, reason, this.clock()),
        );
        throw error;
      }
      if (failure.kind !== 'unconfirmed') {
        await this.record(
          ready.stream,
          sendAttemptFailedEvent(queued, attemptNo, failure.reason, this.clock()),
        );
      }
      if (failure.kind === 'retry' && failure.retryAfterMs > 0) {
        // Every replica holds this chat (only this one) for Telegram's retry_after; the send
        // is parked until then, whatever its length.
        await this.limits.holdChat(recipient.chatId, failure.retryAfterMs);
        return 'held';
      }
      const attempt = ctx.getMessage().attempt;
      if (failure.kind === 'retry' && attempt < DEFAULT_MAX_ATTEMPTS) {
        throw new TelegramSendRetry(`message ${messageId}, attempt ${attempt}: ${failure.reason}`, {
          cause: error,
        });
      }
      const retryable = failure.kind === 'failed' ? failure.retryable : true;
      this.logger.warn(
        `message ${messageId} to chat ${recipient.chatId} failed: ${failure.reason}`,
      );
      result = messageDeliveryFailedEvent(queued, { ...failure, retryable }, this.clock());
    }
    // A crash between sendMessage and this append leaves the attempt unanswered: the
    // redelivery records `unconfirmed` instead of sending again (the Bot API has no idempotency key).
    await this.record(ready.stream, result);
    return 'sent';
  }

  /**
   * Out of the request's partition: its copy goes to the parked-sends topic, then it is listed
   * among the chat's parked sends (in that order, so a failure between the two leaves a copy
   * that lists itself, never a listing without a copy), and this handler returns.
   */
  private async park(queued: SendRequest, member: string, ctx: BusContext): Promise<void> {
    const { chatId } = queued.data.recipient;
    this.logger.log(`message ${queued.data.messageId}: chat ${chatId} is held; parked`);
    await this.repark(ctx);
    await this.parked.park(chatId, member, orderOf(ctx, this.clock()));
  }

  /** The message in hand, as it came, to the end of the parked-sends topic. */
  private async repark(ctx: BusContext): Promise<void> {
    const { key, value, headers } = ctx.getMessage();
    await this.bus.publish([{ topic: PARKED_SENDS_TOPIC, key, value, headers }]);
  }

  private async record(stream: string, event: EventEnvelope): Promise<void> {
    await this.store.append(stream, [event], { expected: 'any' });
  }
}

/** The chat's turn did not come within the bus's attempts: recorded, retryable, never sent. */
const NOT_SENT_IN_TIME = {
  code: 'rate_limited',
  reason:
    "Too many messages were waiting for Telegram's sending limits; the message was not sent: " +
    'retry in a moment',
  retryable: true,
} as const;

/** What a send needs once it is known to be due: its stream, its history, its content. */
interface ReadySend {
  readonly stream: string;
  /** The channel stream's events (the send history of every message of the chat). */
  readonly events: readonly EventEnvelope[];
  /** Attempts recorded so far for this message. */
  readonly attempts: number;
  readonly content: ManagerMessageContent;
}

/**
 * Where a send stands among its chat's parked sends: its request's revision in the conversation
 * stream (the relay's header), so sends go out in the order they were asked for; the time when
 * the header is missing.
 */
const orderOf = (ctx: BusContext, now: Date): number => {
  const revision = Number(ctx.getHeaders()[EVENT_HEADERS.revision]);
  return Number.isSafeInteger(revision) ? revision : now.getTime();
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
