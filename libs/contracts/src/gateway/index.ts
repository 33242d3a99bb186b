export * from './gateway-api';
export * from './search-api';
