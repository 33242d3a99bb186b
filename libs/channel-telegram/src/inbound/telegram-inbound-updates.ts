import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@parley/contracts';
import type { EventStore } from '@parley/eventstore';
import {
  CLOCK,
  EVENT_STORE,
  WORKSPACE_SETTINGS,
  type Clock,
  type WorkspaceSettings,
} from '@parley/platform';
import { BotError, type Bot, type Context } from 'grammy';
import { TELEGRAM_BOT } from '../bot/telegram-bot';
import type { TelegramMessage, TelegramUpdate } from '../webhook/telegram-update.dto';
import {
  channelStream,
  clientStartedEvent,
  messageReceivedEvent,
  type InboundContext,
} from './inbound-channel-events';

/**
 * Turns checked webhook updates into channel events through grammY's middleware:
 * `/start [payload]` → Channel.ClientStarted, any other text → Channel.MessageReceived, the rest
 * is acknowledged and ignored for now. The append happens inside `handleUpdate`, so the webhook
 * answers 200 only once the event is stored.
 */
@Injectable()
export class TelegramInboundUpdates {
  private readonly logger = new Logger('TelegramInboundUpdates');
  private readonly botId: string;

  constructor(
    @Inject(TELEGRAM_BOT) private readonly bot: Bot,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WORKSPACE_SETTINGS) private readonly workspace: WorkspaceSettings,
  ) {
    this.botId = String(bot.botInfo.id);
    bot.command('start', (ctx) =>
      this.appendToChannelStream(
        clientStartedEvent(this.context(ctx), messageOf(ctx), String(ctx.match ?? '')),
      ),
    );
    bot.on('message:text', (ctx) =>
      this.appendToChannelStream(
        messageReceivedEvent(this.context(ctx), { ...messageOf(ctx), text: ctx.msg.text }),
      ),
    );
    bot.use((ctx) => {
      const kinds = Object.keys(ctx.update).filter((k) => k !== 'update_id');
      this.logger.debug(`update ${ctx.update.update_id} (${kinds.join(', ')}) ignored for now`);
    });
  }

  /** Run the update through the bot; rethrows the handler's own error (not grammY's wrapper). */
  async handle(update: TelegramUpdate): Promise<void> {
    try {
      await this.bot.handleUpdate(update as unknown as Parameters<Bot['handleUpdate']>[0]);
    } catch (error) {
      throw error instanceof BotError ? error.error : error;
    }
  }

  private context(ctx: Context): InboundContext {
    return {
      workspaceId: this.workspace.defaultWorkspaceId,
      botId: this.botId,
      updateId: ctx.update.update_id,
      receivedAt: this.clock(),
    };
  }

  /** Expected version 'any': the deterministic event id makes a repeated update a no-op. */
  private async appendToChannelStream(
    event: EventEnvelope & { data: { conversationId: string } },
  ): Promise<void> {
    const result = await this.store.append(channelStream(event.data.conversationId), [event], {
      expected: 'any',
    });
    if (!result.appended) {
      this.logger.debug(`update ${event.metadata.eventId} was stored before; nothing appended`);
    }
  }
}

/** The message of a message update, as the webhook checked it. */
const messageOf = (ctx: Context): TelegramMessage => ctx.message as unknown as TelegramMessage;
