import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { BusContext, DEFAULT_MAX_ATTEMPTS } from '@parley/bus';
import type { EventEnvelope, ManagerMessageQueued } from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import { CLOCK, EVENT_STORE, type Clock } from '@parley/platform';
import type { Bot } from 'grammy';
import { TELEGRAM_BOT } from '../bot/telegram-bot';
import { channelStream } from '../inbound/inbound-channel-events';
import { classifySendFailure } from './delivery-failure';
import { messageDeliveredEvent, messageDeliveryFailedEvent } from './outbound-channel-events';
import { PerChatSpacing } from './per-chat-spacing';

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

const RESULT_TYPES = new Set(['Channel.MessageDelivered', 'Channel.MessageDeliveryFailed']);

/** A chat id as Telegram takes it: a number when it is one (it always is for private chats). */
const chatIdForApi = (chatId: string): number | string =>
  /^-?\d+$/.test(chatId) && Number.isSafeInteger(Number(chatId)) ? Number(chatId) : chatId;

/**
 * Sends managers' replies to Telegram and records the outcome on the channel stream (C4):
 * Channel.MessageDelivered, or Channel.MessageDeliveryFailed with a code and a readable reason.
 * Transient failures (429, 5xx, network) throw so the bus retries; the last attempt records
 * the failure as retryable instead of dead-lettering the request.
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
  async onManagerMessageQueued(
    @Payload() queued: ManagerMessageQueued,
    @Ctx() ctx: BusContext,
  ): Promise<void> {
    const { recipient, conversationId, messageId, content } = queued.data;
    if (recipient.channel !== 'telegram' || recipient.botId !== this.botId) {
      this.logger.debug(
        `message ${messageId} is for ${recipient.channel} ${recipient.botId}: not ours`,
      );
      return;
    }
    const stream = channelStream(conversationId);
    if (await this.alreadyHandled(stream, messageId)) {
      this.logger.debug(`message ${messageId} was sent or failed before; nothing to do`);
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
    let result: EventEnvelope;
    try {
      const sent = await this.bot.api.sendMessage(chatIdForApi(recipient.chatId), content.text);
      result = messageDeliveredEvent(queued, String(sent.message_id), this.clock());
    } catch (error) {
      const failure = classifySendFailure(error);
      if (failure.kind === 'unexpected') throw error;
      const attempt = ctx.getMessage().attempt;
      if (failure.kind === 'retry' && attempt < DEFAULT_MAX_ATTEMPTS) {
        const pause = Math.min(failure.retryAfterMs, MAX_RETRY_AFTER_WAIT_MS);
        if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
        throw new TelegramSendRetry(`message ${messageId}, attempt ${attempt}: ${failure.reason}`, {
          cause: error,
        });
      }
      const retryable = failure.kind === 'retry' ? true : failure.retryable;
      this.logger.warn(
        `message ${messageId} to chat ${recipient.chatId} failed: ${failure.reason}`,
      );
      result = messageDeliveryFailedEvent(queued, { ...failure, retryable }, this.clock());
    }
    // Between sendMessage and this append a crash would send the message again on redelivery:
    // at-least-once, as the Bot API has no idempotency key.
    await this.store.append(stream, [result], { expected: 'any' });
  }

  private async alreadyHandled(stream: string, messageId: string): Promise<boolean> {
    const events = await this.store.readStream(stream);
    return events.some(
      (r) =>
        RESULT_TYPES.has(r.event.type) &&
        (r.event.data as { messageId?: unknown }).messageId === messageId,
    );
  }
}
