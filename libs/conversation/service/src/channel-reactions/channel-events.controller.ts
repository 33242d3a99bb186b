import { Controller, Inject, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { deterministicId, readChannelEvent, type ChannelEvent } from '@parley/contracts';
import type { ConversationCommand } from '@parley/conversation-domain';
import { reactionCommand } from '@parley/command-handling';
import { isDomainRuleViolation } from '@parley/decider';
import type { EventStore } from '@parley/eventstore';
import { EVENT_STORE } from '@parley/platform';
import { runConversationCommand } from '../conversation-stream';
import { CONVERSATION_SERVICE_OPTIONS, type ConversationServiceOptions } from '../options';

/**
 * What the conversation makes of the channel's events (C1, C4, C7). Each payload is read through
 * the channel's catalog (`readChannelEvent`: upcast, then checked against its DTO), so a broken
 * one is dead-lettered with the reason, never half-applied (style 19). Idempotent: a redelivered
 * event derives the same message id and command id, and the decider records a message once.
 */
@Controller()
export class ChannelEventsController {
  private readonly logger = new Logger('conversation');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONVERSATION_SERVICE_OPTIONS) private readonly options: ConversationServiceOptions,
  ) {}

  @EventPattern('Channel.MessageReceived', { consumer: 'conversation' })
  async messageReceived(@Payload() payload: unknown): Promise<void> {
    const event = readChannelEvent('Channel.MessageReceived', payload);
    const d = event.data;
    await this.react(event, d.conversationId, {
      kind: 'RecordClientMessage',
      conversationId: d.conversationId,
      source: { channel: d.channel, botId: d.botId, chatId: d.chatId },
      client: d.client,
      messageId: deterministicId('client-message', event.metadata.eventId),
      externalMessageId: d.externalMessageId,
      content: d.content,
      sentAt: d.sentAt,
      receivedAt: event.metadata.occurredAt,
    });
  }

  @EventPattern('Channel.MessageEdited', { consumer: 'conversation' })
  async messageEdited(@Payload() payload: unknown): Promise<void> {
    const event = readChannelEvent('Channel.MessageEdited', payload);
    const d = event.data;
    await this.react(event, d.conversationId, {
      kind: 'RecordClientMessageEdit',
      conversationId: d.conversationId,
      source: { channel: d.channel, botId: d.botId, chatId: d.chatId },
      client: d.client,
      editId: event.metadata.eventId,
      // The message's id when Parley never saw it: the edit is then kept as its own item.
      messageId: deterministicId('client-message-edit', event.metadata.eventId),
      externalMessageId: d.externalMessageId,
      content: d.content,
      sentAt: d.sentAt,
      editedAt: d.editedAt,
      receivedAt: event.metadata.occurredAt,
    });
  }

  @EventPattern('Channel.BotBlocked', { consumer: 'conversation' })
  async botBlocked(@Payload() payload: unknown): Promise<void> {
    const event = readChannelEvent('Channel.BotBlocked', payload);
    const d = event.data;
    await this.react(event, d.conversationId, {
      kind: 'RecordBotBlocked',
      conversationId: d.conversationId,
      source: { channel: d.channel, botId: d.botId, chatId: d.chatId },
      client: d.client,
      blockedAt: d.blockedAt,
    });
  }

  @EventPattern('Channel.BotUnblocked', { consumer: 'conversation' })
  async botUnblocked(@Payload() payload: unknown): Promise<void> {
    const event = readChannelEvent('Channel.BotUnblocked', payload);
    const d = event.data;
    await this.react(event, d.conversationId, {
      kind: 'RecordBotUnblocked',
      unblockedAt: d.unblockedAt,
    });
  }

  /**
   * The channel fetched a client's file into the media store. It comes after the message's own
   * Channel.MessageReceived on the same channel stream (and so the same bus key), so the message
   * is recorded by then.
   */
  @EventPattern('Channel.MediaFetched', { consumer: 'conversation' })
  async mediaFetched(@Payload() payload: unknown): Promise<void> {
    const event = readChannelEvent('Channel.MediaFetched', payload);
    const d = event.data;
    await this.react(event, d.conversationId, {
      kind: 'RecordClientMedia',
      messageId: d.messageId,
      outcome: {
        status: 'fetched',
        mediaId: d.mediaId,
        contentType: d.contentType,
        size: d.size,
        fetchedAt: d.fetchedAt,
      },
    });
  }

  @EventPattern('Channel.MediaFetchFailed', { consumer: 'conversation' })
  async mediaFetchFailed(@Payload() payload: unknown): Promise<void> {
    const event = readChannelEvent('Channel.MediaFetchFailed', payload);
    const d = event.data;
    await this.react(event, d.conversationId, {
      kind: 'RecordClientMedia',
      messageId: d.messageId,
      outcome: {
        status: 'failed',
        reason: d.reason,
        fileName: d.fileName,
        fileSize: d.fileSize,
        failedAt: d.failedAt,
      },
    });
  }

  @EventPattern('Channel.MessageDelivered', { consumer: 'conversation' })
  async messageDelivered(@Payload() payload: unknown): Promise<void> {
    const event = readChannelEvent('Channel.MessageDelivered', payload);
    const d = event.data;
    await this.react(event, d.conversationId, {
      kind: 'RecordDelivery',
      messageId: d.messageId,
      externalMessageId: d.externalMessageId,
      deliveredAt: d.deliveredAt,
    });
  }

  @EventPattern('Channel.MessageDeliveryFailed', { consumer: 'conversation' })
  async messageDeliveryFailed(@Payload() payload: unknown): Promise<void> {
    const event = readChannelEvent('Channel.MessageDeliveryFailed', payload);
    const d = event.data;
    await this.react(event, d.conversationId, {
      kind: 'RecordDeliveryFailure',
      messageId: d.messageId,
      code: d.code,
      reason: d.reason,
      failedAt: d.failedAt,
    });
  }

  /**
   * A business rule that refuses a channel's fact (a delivery result for a message this
   * conversation never queued) is not fixed by retrying: it is logged and the event skipped.
   * Anything else propagates, so the bus retries and then dead-letters it.
   */
  private async react(
    source: ChannelEvent,
    conversationId: string,
    command: ConversationCommand,
  ): Promise<void> {
    const envelope = reactionCommand(source, {
      service: this.options.service,
      type: command.kind,
      aggregateId: conversationId,
    });
    try {
      await runConversationCommand(
        this.store,
        conversationId,
        command,
        envelope,
        source.metadata.eventId,
      );
    } catch (e) {
      if (!isDomainRuleViolation(e)) throw e;
      this.logger.warn(
        `${source.type} ${source.metadata.eventId} on ${conversationId} skipped: ${e.code}: ${e.message}`,
      );
    }
  }
}
