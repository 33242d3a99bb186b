export * from './chat-list';
export * from './timeline';
export * from './client-card';
export * from './read-model-change';
export * from './chat-list-filters';
