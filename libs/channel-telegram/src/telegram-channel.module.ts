import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TELEGRAM_BOT, TELEGRAM_CHANNEL_CONFIG, createTelegramBot } from './bot/telegram-bot';
import { TelegramInboundUpdates } from './inbound/telegram-inbound-updates';
import { WebhookUpdateCounts } from './inbound/webhook-update-counts';
import { OutboundMessagesController } from './outbound/outbound-messages.controller';
import { PerChatSpacing } from './outbound/per-chat-spacing';
import { isTelegramChannelEnabled, type TelegramChannelConfig } from './telegram-channel.config';
import { TelegramWebhookController } from './webhook/telegram-webhook.controller';
import { WebhookUnparsableBodyFilter } from './webhook/webhook-unparsable-body.filter';

/**
 * The Telegram channel (docs/architecture.md, channel-telegram): the webhook turns updates into
 * channel events (or rejected updates, or counts of ignored ones: health line `telegram-webhook`),
 * the outbound handler sends managers' replies and records their delivery.
 * Takes its ports from the platform tokens (EVENT_STORE, CLOCK, WORKSPACE_SETTINGS) and the bus
 * transport. With no TELEGRAM_BOT_TOKEN the module mounts nothing (web-chat only).
 */
@Module({})
export class TelegramChannelModule {
  static register(config: TelegramChannelConfig): DynamicModule {
    if (!isTelegramChannelEnabled(config)) {
      new Logger('TelegramChannel').log('TELEGRAM_BOT_TOKEN is not set: Telegram channel off');
      return { module: TelegramChannelModule };
    }
    return {
      module: TelegramChannelModule,
      controllers: [TelegramWebhookController, OutboundMessagesController],
      providers: [
        { provide: TELEGRAM_CHANNEL_CONFIG, useValue: config },
        { provide: TELEGRAM_BOT, useFactory: () => createTelegramBot(config) },
        {
          provide: PerChatSpacing,
          useFactory: () => new PerChatSpacing(config.TELEGRAM_CHAT_SEND_INTERVAL_MS),
        },
        WebhookUpdateCounts,
        TelegramInboundUpdates,
        // Global by Nest's design; it touches only the webhook path (see the filter).
        { provide: APP_FILTER, useClass: WebhookUnparsableBodyFilter },
      ],
    };
  }
}
