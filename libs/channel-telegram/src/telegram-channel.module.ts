import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import {
  TELEGRAM_BOT,
  TELEGRAM_CHANNEL_CONFIG,
  botInfoFromConfig,
  createTelegramBot,
} from './bot/telegram-bot';
import { MEDIA_STORE, type MediaStore } from '@parley/media-store';
import { MediaFetchController } from './inbound-media/media-fetch.controller';
import { TelegramInboundUpdates } from './inbound/telegram-inbound-updates';
import { WebhookUpdateCounts } from './inbound/webhook-update-counts';
import { OutboundMessagesController } from './outbound/outbound-messages.controller';
import { ParkedSends } from './outbound/parking/parked-sends';
import { TelegramPolling } from './polling/telegram-polling.service';
import { SendLimitsRedis } from './outbound/send-limits-redis';
import { TelegramSendLimits } from './outbound/send-limits/telegram-send-limits';
import { isTelegramChannelEnabled, type TelegramChannelConfig } from './telegram-channel.config';
import { TelegramWebhookController } from './webhook/telegram-webhook.controller';
import { WebhookUnparsableBodyFilter } from './webhook/webhook-unparsable-body.filter';

/**
 * The Telegram channel (docs/architecture.md, channel-telegram): the webhook turns updates into
 * channel events (or rejected updates, or counts of ignored ones: health line `telegram-webhook`),
 * the outbound handler sends managers' replies and records their delivery, within Telegram's
 * send limits (TelegramSendLimits: in Redis with REDIS_URL, shared by the replicas), parking a
 * held chat's sends on the channel's parked-sends topic (ParkedSends lists them in that Redis).
 * Takes its ports from the platform tokens (EVENT_STORE, CLOCK, WORKSPACE_SETTINGS) and the bus
 * transport. With no TELEGRAM_BOT_TOKEN the module mounts nothing (web-chat only). With
 * TELEGRAM_MODE=polling it also long-polls getUpdates (TelegramPolling) into the same path.
 * With a media store (the process's, the one its gateway serves from), clients' files are
 * fetched into it after their messages are recorded (MediaFetchController); without one they
 * are not fetched.
 */
@Module({})
export class TelegramChannelModule {
  static register(
    config: TelegramChannelConfig,
    options: { readonly mediaStore?: MediaStore } = {},
  ): DynamicModule {
    if (!isTelegramChannelEnabled(config)) {
      new Logger('TelegramChannel').log('TELEGRAM_BOT_TOKEN is not set: Telegram channel off');
      return { module: TelegramChannelModule };
    }
    return {
      module: TelegramChannelModule,
      controllers: [
        TelegramWebhookController,
        OutboundMessagesController,
        ...(options.mediaStore ? [MediaFetchController] : []),
      ],
      providers: [
        ...(options.mediaStore ? [{ provide: MEDIA_STORE, useValue: options.mediaStore }] : []),
        { provide: TELEGRAM_CHANNEL_CONFIG, useValue: config },
        { provide: TELEGRAM_BOT, useFactory: () => createTelegramBot(config) },
        SendLimitsRedis,
        {
          provide: TelegramSendLimits,
          inject: [SendLimitsRedis],
          useFactory: (redis: SendLimitsRedis) =>
            new TelegramSendLimits({
              botId: botInfoFromConfig(config).id.toString(),
              chatIntervalMs: config.TELEGRAM_CHAT_SEND_INTERVAL_MS,
              botSendsPerSecond: config.TELEGRAM_BOT_SENDS_PER_SECOND,
              redis: redis.client,
            }),
        },
        {
          provide: ParkedSends,
          inject: [SendLimitsRedis],
          useFactory: (redis: SendLimitsRedis) =>
            new ParkedSends({
              botId: botInfoFromConfig(config).id.toString(),
              redis: redis.client,
            }),
        },
        WebhookUpdateCounts,
        TelegramInboundUpdates,
        // TELEGRAM_MODE=polling: updates by getUpdates, into the webhook's own path.
        ...(config.TELEGRAM_MODE === 'polling' ? [TelegramPolling] : []),
        // Global by Nest's design; it touches only the webhook path (see the filter).
        { provide: APP_FILTER, useClass: WebhookUnparsableBodyFilter },
      ],
    };
  }
}
