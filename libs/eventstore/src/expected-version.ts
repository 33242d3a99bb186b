import type { ExpectedVersion } from './event-store.port';
import { WrongExpectedVersion } from './wrong-expected-version';

/** Revision of a stream's last event, or 'no_stream' when it has none. */
export type StreamRevision = number | 'no_stream';

/** Reject an expected version that can never be right (a negative or fractional revision). */
export const assertValidExpectedVersion = (expected: ExpectedVersion): void => {
  if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
    throw new RangeError(`expected version must be a revision >= 0, got ${expected}`);
  }
  if (
    typeof expected === 'string' &&
    expected !== 'no_stream' &&
    expected !== 'stream_exists' &&
    expected !== 'any'
  ) {
    throw new RangeError(`unknown expected version "${String(expected)}"`);
  }
};

export const matchesExpectedVersion = (
  expected: ExpectedVersion,
  actual: StreamRevision,
): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === 'no_stream';
    case 'stream_exists':
      return actual !== 'no_stream';
    default:
      return actual === expected;
  }
};

/** Throw WrongExpectedVersion unless the stream is where the writer expected it. */
export const checkExpectedVersion = (
  streamName: string,
  expected: ExpectedVersion,
  actual: StreamRevision,
): void => {
  if (!matchesExpectedVersion(expected, actual)) {
    throw new WrongExpectedVersion(streamName, expected, actual);
  }
};
