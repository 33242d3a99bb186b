export * from './translation-events';
export * from './translation-event-definitions';
export * from './translation-commands';
export * from './translation-api';
