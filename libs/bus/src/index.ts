export * from './bus.port';
export * from './delivery/retry-policy';
export { describeError } from './delivery/dead-letter-message';
export * from './in-process/in-process-bus';
export { partitionForKey } from './in-process/partition-for-key';
export * from './kafka/kafka-bus-options';
export * from './kafka/kafka-bus';
export {
  KafkaDeadLetters,
  formatDeadLetterRef,
  parseDeadLetterRef,
  isDeadLetterTopic,
  REPLAYED_FROM_HEADER,
  type DeadLetter,
  type DeadLetterRef,
  type KafkaDeadLettersOptions,
} from './kafka/kafka-dead-letters';
export { stderrLogCreator } from './kafka/kafka-log';
export * from './dedup/seen-events.port';
export * from './dedup/in-memory-seen-events';
export * from './dedup/drop-duplicate-events';
export * from './nest/bus-context';
export * from './nest/bus-transport-strategy';
export * from './nest/bus-errors.filter';
export { eventRoute, type EventRoute } from './nest/event-pattern-routes';
