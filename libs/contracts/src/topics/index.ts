export * from './topic-names';
export * from './stream-names';
export * from './message-headers';
