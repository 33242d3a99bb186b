import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { BusContext, DEFAULT_MAX_ATTEMPTS } from '@parley/bus';
import { readConversationEvent, type EventEnvelope } from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { CLOCK, EVENT_STORE, type Clock } from '@parley/platform';
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
import { PerChatSpacing } from './per-chat-spacing';
import { sendHistoryOf } from './send-history';

export const CHANNEL_TELEGRAM_CONSUMER = 'channel-telegram';

/** Longest pause for Telegram's retry_after before handing the retry to the bus. */
const MAX_RETRY_AFTER_WAIT_MS = 5_000;

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
 * error answer after it (Channel.MessageSendAttemptFailed). Failures Telegram answered (429,
 * 5xx) throw so the bus retries; the last attempt records the failure as retryable instead of
 * dead-lettering the request. A send whose fate is unknown (a timeout after the request went
 * out, or an attempt left unanswered by a crash) is never sent again on its own: it is recorded
 * as failed with code `unconfirmed`, for a manager to check and resend.
 * A manager's retry (Conversation.ManagerMessageRequeued, `retry: n`) starts a new round: the n
 * failures before it are acknowledged, so an `unconfirmed` message is sent again only then, on
 * purpose. Each round keeps the same guarantees (see `sendHistoryOf`).
 */
@Controller()
export class OutboundMessagesController {
  private readonly logger = new Logger('TelegramOutbound');
  private readonly botId: string;

  constructor(
    @Inject(TELEGRAM_BOT) private readonly bot: Bot,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly spacing: PerChatSpacing,
  ) {
    this.botId = String(bot.botInfo.id);
  }

  @EventPattern('Conversation.ManagerMessageQueued', { consumer: CHANNEL_TELEGRAM_CONSUMER })
  async onManagerMessageQueued(@Payload() payload: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const queued = readConversationEvent('Conversation.ManagerMessageQueued', payload);
    await this.send(queued, 0, ctx);
  }

  /** A manager's retry of a failed message (C4): a new round after `retry` failures. */
  @EventPattern('Conversation.ManagerMessageRequeued', { consumer: CHANNEL_TELEGRAM_CONSUMER })
  async onManagerMessageRequeued(
    @Payload() payload: unknown,
    @Ctx() ctx: BusContext,
  ): Promise<void> {
    const requeued = readConversationEvent('Conversation.ManagerMessageRequeued', payload);
    await this.send(requeued, requeued.data.retry, ctx);
  }

  private async send(queued: SendRequest, retry: number, ctx: BusContext): Promise<void> {
    const { recipient, conversationId, messageId, content } = queued.data;
    if (recipient.channel !== 'telegram' || recipient.botId !== this.botId) {
      this.logger.debug(
        `message ${messageId} is for ${recipient.channel} ${recipient.botId}: not ours`,
      );
      return;
    }
    const stream = channelStream(conversationId);
    const history = sendHistoryOf(
      (await this.store.readStream(stream)).map((r) => r.event),
      messageId,
      retry,
    );
    if (history.finished) {
      this.logger.debug(`message ${messageId} (retry ${retry}) was sent or failed; nothing to do`);
      return;
    }
    if (history.unanswered) {
      this.logger.warn(`message ${messageId}: an earlier attempt went unanswered; not sent again`);
      await this.record(
        stream,
        messageDeliveryFailedEvent(queued, UNANSWERED_ATTEMPT, this.clock()),
      );
      return;
    }

    if (content.kind !== 'text') {
      // The conversation decider queues text only; a manager cannot send what Parley cannot show.
      const reason = `Parley cannot send ${content.kind} messages`;
      this.logger.warn(`message ${messageId} to chat ${recipient.chatId} failed: ${reason}`);
      const failure = { code: 'unsupported_content', reason, retryable: false };
      await this.store.append(stream, [messageDeliveryFailedEvent(queued, failure, this.clock())], {
        expected: 'any',
      });
      return;
    }
    await this.spacing.wait(recipient.chatId);
    const attemptNo = history.attempts + 1;
    await this.record(stream, sendAttemptedEvent(queued, attemptNo, this.clock()));
    let result: EventEnvelope;
    try {
      const sent = await this.bot.api.sendMessage(chatIdForApi(recipient.chatId), content.text);
      result = messageDeliveredEvent(queued, String(sent.message_id), this.clock());
    } catch (error) {
      const failure = classifySendFailure(error);
      if (failure.kind === 'unexpected') {
        // Thrown on this side of the call (nothing answered): the attempt delivered nothing.
        const reason = error instanceof Error ? error.message : String(error);
        await this.record(stream, sendAttemptFailedEvent(queued, attemptNo, reason, this.clock()));
        throw error;
      }
      if (failure.kind !== 'unconfirmed') {
        await this.record(
          stream,
          sendAttemptFailedEvent(queued, attemptNo, failure.reason, this.clock()),
        );
      }
      const attempt = ctx.getMessage().attempt;
      if (failure.kind === 'retry' && attempt < DEFAULT_MAX_ATTEMPTS) {
        const pause = Math.min(failure.retryAfterMs, MAX_RETRY_AFTER_WAIT_MS);
        if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
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
    await this.record(stream, result);
  }

  private async record(stream: string, event: EventEnvelope): Promise<void> {
    await this.store.append(stream, [event], { expected: 'any' });
  }
}
