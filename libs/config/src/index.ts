export * from './load-config';
export * from './env-transforms';
export { Sensitive, isSensitive, describeConfigValue } from './sensitive';
export { keptSecret, keptSecretKey } from './kept-secret';
