import type { ExpectedVersion } from './event-store.port';
import {
  assertValidExpectedVersion,
  checkExpectedVersion,
  matchesExpectedVersion,
  type StreamRevision,
} from './expected-version';
import { WrongExpectedVersion } from './wrong-expected-version';

describe('expected version', () => {
  const cases: readonly [ExpectedVersion, StreamRevision, boolean][] = [
    ['any', 'no_stream', true],
    ['any', 4, true],
    ['no_stream', 'no_stream', true],
    ['no_stream', 0, false],
    ['stream_exists', 'no_stream', false],
    ['stream_exists', 0, true],
    [2, 2, true],
    [2, 3, false],
    [0, 'no_stream', false],
  ];
  it.each(cases)(
    'given expected %p and a stream at %p, then it matches: %p',
    (expected, actual, matches) => {
      expect(matchesExpectedVersion(expected, actual)).toBe(matches);
    },
  );

  it('given a mismatch, when checked, then WrongExpectedVersion carries stream, expected and actual', () => {
    expect(() => checkExpectedVersion('crm-1', 'no_stream', 3)).toThrow(WrongExpectedVersion);
    try {
      checkExpectedVersion('crm-1', 1, 'no_stream');
    } catch (error) {
      expect(error).toMatchObject({ streamName: 'crm-1', expected: 1, actual: 'no_stream' });
    }
  });

  it.each([-1, 1.5, Number.NaN])(
    'given the impossible revision %p, then it is rejected',
    (revision) => {
      expect(() => assertValidExpectedVersion(revision)).toThrow(RangeError);
    },
  );
});
