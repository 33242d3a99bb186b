export * from './conversation-events';
export * from './conversation-commands';
