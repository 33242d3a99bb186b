import { DEAD_LETTER_HEADERS, deadLetterTopic } from '@parley/contracts';
import type { DeliveredMessage, OutgoingMessage } from '../bus.port';

/** `Name: message | first stack frame`: enough to find the failing code from the header alone. */
export const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) {
    try {
      return `non-error thrown: ${JSON.stringify(error)}`;
    } catch {
      return `non-error thrown: ${String(error)}`;
    }
  }
  const frame = (error.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith('at '));
  const head = `${error.name}: ${error.message}`;
  return frame ? `${head} | ${frame}` : head;
};

/** The message that goes to `deadLetterTopic(topic)`: same key and value, original headers kept. */
export const deadLetterMessage = (
  message: Omit<DeliveredMessage, 'attempt'>,
  error: unknown,
  attempts: number,
  groupId: string,
): OutgoingMessage => ({
  topic: deadLetterTopic(message.topic),
  key: message.key,
  value: message.value,
  headers: {
    ...message.headers,
    [DEAD_LETTER_HEADERS.error]: describeError(error),
    [DEAD_LETTER_HEADERS.originalTopic]: message.topic,
    [DEAD_LETTER_HEADERS.partition]: String(message.partition),
    [DEAD_LETTER_HEADERS.offset]: message.offset,
    [DEAD_LETTER_HEADERS.attempts]: String(attempts),
    [DEAD_LETTER_HEADERS.groupId]: groupId,
  },
});
