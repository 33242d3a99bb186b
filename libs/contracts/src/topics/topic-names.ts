/**
 * Kafka topic names (docs/architecture.md, Events). Versioned by prefix so a breaking change of a
 * topic's contract gets a new name rather than a surprise for old consumers.
 */
export const TOPIC_PREFIX = 'parley';

/** One topic per context for its events. */
export const eventsTopic = (context: string): string => `${TOPIC_PREFIX}.${context}.events`;

/** One topic per service for the commands it handles. */
export const commandsTopic = (service: string): string => `${TOPIC_PREFIX}.${service}.commands`;

/** Every command's outcome, for whoever awaits it. */
export const COMMAND_RESULTS_TOPIC = `${TOPIC_PREFIX}.command-results`;

/** Where poison messages of a topic go, with the error, after bounded retries. */
export const deadLetterTopic = (topic: string): string => `${topic}.dead-letter`;
