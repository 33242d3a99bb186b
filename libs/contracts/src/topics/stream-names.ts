import { COMMAND_RESULTS_TOPIC, eventsTopic } from './topic-names';

/**
 * Streams are `{context}-{aggregateId}` (docs/architecture.md). The context is lower-case letters,
 * digits and '_'; the aggregate id may contain anything else, '-' included.
 */
const CONTEXT_PATTERN = /^[a-z][a-z0-9_]*$/;

export const streamName = (context: string, aggregateId: string): string => {
  if (!CONTEXT_PATTERN.test(context)) throw new Error(`invalid stream context "${context}"`);
  if (aggregateId.length === 0) throw new Error('aggregateId must not be empty');
  return `${context}-${aggregateId}`;
};

/** The category (context) of a stream: `conversation-w1:c9` → `conversation`. */
export const streamCategory = (stream: string): string => {
  const dash = stream.indexOf('-');
  return dash < 0 ? stream : stream.slice(0, dash);
};

/** Outcomes of commands are recorded in the store as streams of this category. */
export const COMMAND_OUTCOME_CATEGORY = 'command_outcome';

/** The topic the relay publishes a stored event of this stream to. */
export const topicForStream = (stream: string): string => {
  const category = streamCategory(stream);
  return category === COMMAND_OUTCOME_CATEGORY ? COMMAND_RESULTS_TOPIC : eventsTopic(category);
};
