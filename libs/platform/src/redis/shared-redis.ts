import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { HealthRegistry } from '../health/health-registry';

export interface SharedRedisOptions {
  /** The health line's name (`redis`, `telegram-send-limits`). */
  readonly healthName: string;
  /** What this process keeps there, for the health line and the logs. */
  readonly purpose: string;
  /** The logger's context. */
  readonly loggerName: string;
  /** What happens meanwhile, added to the line logged when Redis is unreachable. */
  readonly whenDown?: string;
}

/**
 * A process's Redis connection for state its replicas share (REDIS_URL), or none when the URL
 * is empty. Connection errors are logged once per kind, not once per reconnection (ioredis
 * reconnects by itself, backing off up to 2 s); commands fail after two retries instead of
 * waiting for ever. `registerHealth` adds a line that pings it; `close` quits within a second.
 * The URL's host and port only ever reach a log or a page: it may carry a password.
 */
export class SharedRedis {
  readonly client: Redis | null;
  private readonly logger: Logger;
  private readonly where: string;
  private lastError = '';

  constructor(
    url: string,
    private readonly options: SharedRedisOptions,
  ) {
    this.logger = new Logger(options.loggerName);
    this.where = url ? redactedHost(url) : '';
    this.client = url ? connect(url) : null;
    const whenDown = options.whenDown ? ` (${options.whenDown})` : '';
    this.client?.on('error', (error: Error) => {
      if (error.message === this.lastError) return;
      this.lastError = error.message;
      this.logger.warn(`Redis at ${this.where}: ${error.message}${whenDown}`);
    });
    this.client?.on('ready', () => {
      if (this.lastError) this.logger.log(`Redis at ${this.where} is back`);
      this.lastError = '';
    });
  }

  registerHealth(health: HealthRegistry | undefined): void {
    const client = this.client;
    if (!client || !health) return;
    health.register({
      name: this.options.healthName,
      description: `Redis (${this.options.purpose}) at ${this.where}`,
      check: async () => {
        if (client.status !== 'ready') return `not connected (${client.status})`;
        await client.ping();
      },
    });
  }

  async close(): Promise<void> {
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
