import { recordedEventFromRow, toBigInt, toRevision } from './event-rows';
import { testEvent } from '../testing';

describe('event rows', () => {
  it.each([
    ['9007199254740993', 9007199254740993n],
    [42, 42n],
    [7n, 7n],
  ] as const)('given the int8 %p from a driver, then it is the bigint %p', (value, expected) => {
    expect(toBigInt(value)).toBe(expected);
  });

  it('given an int8 number beyond 2^53, then it is refused rather than rounded', () => {
    expect(() => toBigInt(2 ** 53 + 2)).toThrow(RangeError);
    expect(() => toRevision('9007199254740993')).toThrow(RangeError);
  });

  it('given a row, then it becomes a recorded event', () => {
    const event = testEvent('c1', { text: 'hi' });

    expect(
      recordedEventFromRow({
        position: '12',
        stream_name: 'conversation-c1',
        revision: '3',
        type: event.type,
        data: event.data,
        metadata: event.metadata,
      }),
    ).toEqual({ streamName: 'conversation-c1', revision: 3, position: 12n, event });
  });
});
