export * from './gateway-api';
