import type { DeliveredMessage } from '@parley/bus';
import { EVENT_HEADERS } from '@parley/contracts';
import { conversationHistory } from '@parley/projections';
import { fromDeliveredEvent } from './projectable-event-sources';

const started = conversationHistory().started('2026-11-25T10:00:00.000Z');
const delivered = (headers: Record<string, string>): DeliveredMessage => ({
  topic: 'parley.conversation.events',
  key: started.event.metadata.aggregateId,
  value: started.event,
  headers,
  partition: 1,
  offset: '17',
  attempt: 1,
});

describe('events from the bus', () => {
  it('given a relayed message, then its stream, revision and position come from the headers', () => {
    const message = delivered({
      [EVENT_HEADERS.streamName]: started.streamName,
      [EVENT_HEADERS.revision]: '3',
      [EVENT_HEADERS.position]: '1234',
    });
    expect(fromDeliveredEvent(message)).toEqual({
      streamName: started.streamName,
      revision: 3,
      position: '1234',
      event: started.event,
    });
  });

  it('given a message without the relay headers, then it is refused rather than applied out of order', () => {
    expect(() => fromDeliveredEvent(delivered({}))).toThrow(
      /lacks the stream, revision or position headers/,
    );
    expect(() =>
      fromDeliveredEvent(
        delivered({
          [EVENT_HEADERS.streamName]: started.streamName,
          [EVENT_HEADERS.revision]: 'x',
          [EVENT_HEADERS.position]: '1',
        }),
      ),
    ).toThrow(/lacks the stream, revision or position headers/);
  });
});
