import { eventsTopic } from '@parley/contracts';

/** Where one @EventPattern handler gets its messages from. */
export interface EventRoute {
  readonly topic: string;
  readonly groupId: string;
  /** Only messages whose event-type header equals this; all messages of the topic when absent. */
  readonly eventType?: string;
}

const EVENT_TYPE = /^([A-Za-z][A-Za-z0-9_]*)\.[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The route of a handler from its normalised pattern (Nest turns `{ topic: 'x' }` into the
 * string `{"topic":"x"}`) and extras:
 * - `'Conversation.MessageReceived'` → the events topic of context `conversation`, filtered by type;
 * - `{ topic: 'parley.crm.commands' }` → every message of that topic;
 * - `extras.consumer` gives the handler its own consumer group `${serviceName}.${consumer}`.
 */
export const eventRoute = (
  pattern: string,
  extras: Readonly<Record<string, unknown>> | undefined,
  serviceName: string,
): EventRoute => {
  const consumer = extras?.['consumer'];
  if (consumer !== undefined && (typeof consumer !== 'string' || consumer.length === 0)) {
    throw new Error(`@EventPattern(${pattern}): extras.consumer must be a non-empty string`);
  }
  const groupId = consumer ? `${serviceName}.${consumer}` : serviceName;
  const typeMatch = EVENT_TYPE.exec(pattern);
  if (typeMatch) {
    return { topic: eventsTopic(typeMatch[1]!.toLowerCase()), groupId, eventType: pattern };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(pattern);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'object' && parsed !== null && 'topic' in parsed) {
    const topic = (parsed as { topic: unknown }).topic;
    if (typeof topic === 'string' && topic.length > 0) return { topic, groupId };
  }
  throw new Error(
    `@EventPattern(${pattern}) is not a bus pattern: use an event type ('Context.ThingHappened') ` +
      `or { topic: 'name' }`,
  );
};
