export * from './health/health-registry';
export * from './health/health.controller';
export * from './health/health.module';
export * from './tokens';
export * from './platform.module';
export * from './runtime/start-nest-service';
