import { ContractViolation, validateEventEnvelope, type EventEnvelope } from '@parley/contracts';
import { assertValidExpectedVersion } from './expected-version';
import type { ExpectedVersion } from './event-store.port';

/**
 * Check an append's input before anything is written: the stream name, the expected version,
 * every envelope (ContractViolation from @parley/contracts), and that no event id repeats
 * within the batch (one id is one event).
 */
export const validateAppend = (
  streamName: string,
  events: readonly EventEnvelope[],
  expected: ExpectedVersion,
): EventEnvelope[] => {
  if (typeof streamName !== 'string' || streamName.length === 0) {
    throw new ContractViolation('stream name', [
      { field: '', reason: 'must be a non-empty string' },
    ]);
  }
  assertValidExpectedVersion(expected);
  const valid = events.map((event) => validateEventEnvelope(event));
  const seen = new Map<string, number>();
  valid.forEach((event, index) => {
    const first = seen.get(event.metadata.eventId);
    if (first !== undefined) {
      throw new ContractViolation('event batch', [
        {
          field: `[${index}].metadata.eventId`,
          reason: `repeats the eventId of event [${first}]`,
        },
      ]);
    }
    seen.set(event.metadata.eventId, index);
  });
  return valid;
};
