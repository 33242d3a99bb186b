export * from './event-catalog';
export { readEvent } from './read-event';
