import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { TELEGRAM_CHANNEL_CONFIG } from '../bot/telegram-bot';
import { TelegramInboundUpdates } from '../inbound/telegram-inbound-updates';
import type { TelegramChannelConfig } from '../telegram-channel.config';
import { TelegramUpdatesPolling } from './telegram-updates-polling';

/**
 * TELEGRAM_MODE=polling in the channel module: starts `TelegramUpdatesPolling` once the
 * application is up, feeding the webhook's `TelegramInboundUpdates.receive`, and stops it
 * (waiting for an update being stored) when the application closes.
 */
@Injectable()
export class TelegramPolling implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly polling: TelegramUpdatesPolling;

  constructor(
    @Inject(TELEGRAM_CHANNEL_CONFIG) config: TelegramChannelConfig,
    updates: TelegramInboundUpdates,
  ) {
    this.polling = new TelegramUpdatesPolling(TelegramUpdatesPolling.apiFor(config), (update) =>
      updates.receive(update),
    );
  }

  onApplicationBootstrap(): void {
    this.polling.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.polling.stop();
  }
}
