export * from './actor';
export * from './event-metadata';
export * from './event-envelope';
