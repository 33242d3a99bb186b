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
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

/**
 * The gateway's Redis connection (REDIS_URL), or none when the variable is empty: shared by the
 * sign-in limits and the session records, checked by the health registry as `redis`, closed
 * with the application. Connection errors are logged (not thrown: ioredis reconnects by itself);
 * commands fail after two retries instead of waiting for ever.
 */
@Injectable()
export class GatewayRedis implements OnModuleInit, OnApplicationShutdown {
  readonly client: Redis | null;
  private readonly logger = new Logger('GatewayRedis');
  private readonly where: string;
  private lastError = '';

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Optional() @Inject(HealthRegistry) private readonly health?: HealthRegistry,
  ) {
    this.where = config.REDIS_URL ? redactedHost(config.REDIS_URL) : '';
    this.client = config.REDIS_URL ? connect(config.REDIS_URL) : null;
    this.client?.on('error', (error: Error) => {
      // One line per kind of error, not one per reconnection attempt.
      if (error.message === this.lastError) return;
      this.lastError = error.message;
      this.logger.warn(`Redis at ${this.where}: ${error.message}`);
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
      name: 'redis',
      description: `Redis (sign-in limits, sessions) at ${this.where}`,
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
    // Back off up to 2 s between reconnection attempts, for ever.
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
