export * from './conversation/conversation-commands';
export * from './conversation/conversation-decided-events';
export * from './conversation/conversation-state';
export * from './conversation/conversation-decider';
