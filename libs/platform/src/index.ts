export * from './health/health-registry';
export * from './health/health.controller';
export * from './health/health.module';
