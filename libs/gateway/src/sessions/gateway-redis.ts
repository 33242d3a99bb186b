import {
  Inject,
  Injectable,
  Optional,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HealthRegistry, SharedRedis } from '@parley/platform';
import type { Redis } from 'ioredis';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

/**
 * The gateway's Redis connection (REDIS_URL), or none when the variable is empty: shared by the
 * sign-in limits and the session records, checked by the health registry as `redis`, closed
 * with the application (SharedRedis).
 */
@Injectable()
export class GatewayRedis implements OnModuleInit, OnApplicationShutdown {
  private readonly redis: SharedRedis;

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Optional() @Inject(HealthRegistry) private readonly health?: HealthRegistry,
  ) {
    this.redis = new SharedRedis(config.REDIS_URL, {
      healthName: 'redis',
      purpose: 'sign-in limits, sessions',
      loggerName: 'GatewayRedis',
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
