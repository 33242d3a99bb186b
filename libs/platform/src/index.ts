export * from './health/health-registry';
export * from './health/health.controller';
export type {
  HealthDetailAccess,
  HealthRequest,
  HealthSummary,
} from './health/health-detail-access';
export { visibleHealthReport, type VisibleHealthReport } from './health/visible-health-report';
export {
  startHealthOpsListener,
  type HealthOpsAction,
  type HealthOpsListener,
  type HealthOpsPage,
} from './health/health-ops-listener';
export * from './tokens';
export * from './platform.module';
export * from './runtime/start-nest-service';
export * from './runtime/service-process.config';
export * from './runtime/connect-engines';
export * from './runtime/stop-on-signals';
export * from './runtime/run-service-process';
export { commandProcessorProvider } from './runtime/command-processor-provider';
export { SharedRedis, type SharedRedisOptions } from './redis/shared-redis';
export {
  isSecretKeyOrEmpty,
  SecretBox,
  SecretBoxOpenFailed,
  type SecretBoxFailureReason,
} from './secrets/secret-box';
