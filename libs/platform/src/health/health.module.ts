import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthRegistry } from './health-registry';

/** One registry per process; every module registers its checks into it. */
@Global()
@Module({})
export class HealthModule {
  static forRegistry(registry: HealthRegistry) {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [{ provide: HealthRegistry, useValue: registry }],
      exports: [HealthRegistry],
    };
  }
}
