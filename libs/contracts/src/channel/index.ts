export * from './message-content';
export * from './channel-events';
