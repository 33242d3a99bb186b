import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HealthRegistry } from '@parley/platform';
import { Redis } from 'ioredis';
import { TELEGRAM_CHANNEL_CONFIG } from '../bot/telegram-bot';
import type { TelegramChannelConfig } from '../telegram-channel.config';

/**
 * The channel's Redis connection (REDIS_URL) for its send limits, or none when the variable is
 * empty (the limits are then this process's). Checked by the health registry as
 * `telegram-send-limits`, closed with the application. Connection errors are logged once per
 * kind (ioredis reconnects by itself); commands fail after two retries instead of waiting for
 * ever, and the limiter then counts in memory until Redis is back.
 */
@Injectable()
export class SendLimitsRedis implements OnModuleInit, OnApplicationShutdown {
  readonly client: Redis | null;
  private readonly logger = new Logger('TelegramSendLimits');
  private readonly where: string;
  private lastError = '';

  constructor(
    @Inject(TELEGRAM_CHANNEL_CONFIG) config: TelegramChannelConfig,
    @Optional() @Inject(HealthRegistry) private readonly health?: HealthRegistry,
  ) {
    this.where = config.REDIS_URL ? redactedHost(config.REDIS_URL) : '';
    this.client = config.REDIS_URL ? connect(config.REDIS_URL) : null;
    this.client?.on('error', (error: Error) => {
      if (error.message === this.lastError) return;
      this.lastError = error.message;
      this.logger.warn(`Redis at ${this.where}: ${error.message} (limits counted in memory)`);
    });
    this.client?.on('ready', () => {
      if (this.lastError) this.logger.log(`Redis at ${this.where} is back`);
      this.lastError = '';
    });
  }

  onModuleInit(): void {
    const client = this.client;
    if (!client || !this.health) return;
    this.health.register({
      name: 'telegram-send-limits',
      description: `Redis (Telegram send limits shared by the channel's replicas) at ${this.where}`,
      check: async () => {
        if (client.status !== 'ready') return `not connected (${client.status})`;
        await client.ping();
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const client = this.client;
    if (!client || client.status === 'end') return;
    await Promise.race([
      client.quit().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 1_000).unref()),
    ]);
    client.disconnect();
  }
}

const connect = (url: string): Redis =>
  new Redis(url, {
    maxRetriesPerRequest: 2,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });

/** host:port only: a URL may carry a password, which never goes to a log or a page. */
const redactedHost = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return 'REDIS_URL';
  }
};
