import type { DeliveredMessage, MessageHandler, OutgoingMessage } from '../bus.port';
import { deadLetterMessage } from './dead-letter-message';
import { retryDelayMs, sleep } from './retry-policy';

export interface Delivery {
  /** The message as of one attempt; called once per attempt so each gets a fresh value. */
  readonly message: (attempt: number) => DeliveredMessage;
  readonly handler: MessageHandler;
  readonly groupId: string;
  readonly maxAttempts: number;
  readonly retryBackoffMs: number;
  readonly deadLetter: (message: OutgoingMessage) => Promise<void>;
  /** Called while waiting between attempts (the Kafka adapter heartbeats here). */
  readonly beforeRetry?: () => Promise<void>;
}

export type DeliveryOutcome = 'handled' | 'dead-lettered';

/**
 * At-least-once delivery of one message: the handler is tried up to maxAttempts times with
 * exponential backoff; if it still fails the message goes to the dead-letter topic with the
 * last error, and the caller moves on (a poison message never blocks its partition forever).
 * If publishing to the dead-letter topic fails, that error propagates: the message is then
 * not done and must not be committed.
 */
export const deliverWithRetries = async (delivery: Delivery): Promise<DeliveryOutcome> => {
  const maxAttempts = Math.max(1, delivery.maxAttempts);
  for (let attempt = 1; ; attempt++) {
    const message = delivery.message(attempt);
    try {
      await delivery.handler(message);
      return 'handled';
    } catch (error) {
      if (attempt >= maxAttempts) {
        await delivery.deadLetter(deadLetterMessage(message, error, attempt, delivery.groupId));
        return 'dead-lettered';
      }
      await sleep(retryDelayMs(attempt, delivery.retryBackoffMs));
      await delivery.beforeRetry?.();
    }
  }
};
