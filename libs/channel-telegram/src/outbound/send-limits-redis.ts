import {
  Inject,
  Injectable,
  Optional,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HealthRegistry, SharedRedis } from '@parley/platform';
import type { Redis } from 'ioredis';
import { TELEGRAM_CHANNEL_CONFIG } from '../bot/telegram-bot';
import type { TelegramChannelConfig } from '../telegram-channel.config';

/**
 * The channel's Redis connection (REDIS_URL) for its send limits and parked sends, or none when
 * the variable is empty (the limits are then this process's). Checked by the health registry as
 * `telegram-send-limits`, closed with the application (SharedRedis); while Redis is unreachable
 * the limiter counts in memory.
 */
@Injectable()
export class SendLimitsRedis implements OnModuleInit, OnApplicationShutdown {
  private readonly redis: SharedRedis;

  constructor(
    @Inject(TELEGRAM_CHANNEL_CONFIG) config: TelegramChannelConfig,
    @Optional() @Inject(HealthRegistry) private readonly health?: HealthRegistry,
  ) {
    this.redis = new SharedRedis(config.REDIS_URL, {
      healthName: 'telegram-send-limits',
      purpose: "Telegram send limits shared by the channel's replicas",
      loggerName: 'TelegramSendLimits',
      whenDown: 'limits counted in memory',
    });
  }

  get client(): Redis | null {
    return this.redis.client;
  }

  onModuleInit(): void {
    this.redis.registerHealth(this.health);
  }

  onApplicationShutdown(): Promise<void> {
    return this.redis.close();
  }
}
