export * from './gateway-api';
export * from './search-api';
export * from './chat-view-events';
