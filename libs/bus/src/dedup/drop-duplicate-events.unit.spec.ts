import { EVENT_HEADERS } from '@parley/contracts';
import { type DeliveredMessage, dropDuplicateEvents, InMemorySeenEvents } from '../index';

const delivered = (headers: Record<string, string>, attempt = 1): DeliveredMessage => ({
  topic: 'parley.conversation.events',
  key: 'c1',
  value: {},
  headers,
  partition: 0,
  offset: '0',
  attempt,
});

describe('dropDuplicateEvents', () => {
  it('handles an event id once', async () => {
    // Given a wrapped handler
    const handled: string[] = [];
    const handler = dropDuplicateEvents(async (m) => {
      handled.push(m.headers[EVENT_HEADERS.eventId]!);
    }, new InMemorySeenEvents());
    // When the same event arrives twice, then another
    await handler(delivered({ [EVENT_HEADERS.eventId]: 'e1' }));
    await handler(delivered({ [EVENT_HEADERS.eventId]: 'e1' }));
    await handler(delivered({ [EVENT_HEADERS.eventId]: 'e2' }));
    // Then the repeat is dropped
    expect(handled).toEqual(['e1', 'e2']);
  });

  it('falls back to stream and revision, and passes messages without identity through', async () => {
    let calls = 0;
    const handler = dropDuplicateEvents(async () => {
      calls++;
    }, new InMemorySeenEvents());
    const byRevision = {
      [EVENT_HEADERS.streamName]: 'conversation-c1',
      [EVENT_HEADERS.revision]: '3',
    };
    await handler(delivered(byRevision));
    await handler(delivered(byRevision));
    await handler(delivered({}));
    await handler(delivered({}));
    expect(calls).toBe(3);
  });

  it('does not remember an event whose handler failed, so the retry runs', async () => {
    // Given a handler that fails on the first attempt
    const attempts: number[] = [];
    const handler = dropDuplicateEvents(async (m) => {
      attempts.push(m.attempt);
      if (m.attempt === 1) throw new Error('not yet');
    }, new InMemorySeenEvents());
    // When the event is delivered, fails, and is retried
    await expect(handler(delivered({ [EVENT_HEADERS.eventId]: 'e1' }, 1))).rejects.toThrow();
    await handler(delivered({ [EVENT_HEADERS.eventId]: 'e1' }, 2));
    // Then the retry was handled
    expect(attempts).toEqual([1, 2]);
  });
});

describe('InMemorySeenEvents', () => {
  it('forgets the least recently used id beyond its capacity', async () => {
    // Given a capacity of two, with a used, then b, then a looked up again
    const seen = new InMemorySeenEvents(2);
    await seen.remember('a');
    await seen.remember('b');
    expect(await seen.has('a')).toBe(true);
    // When c is remembered
    await seen.remember('c');
    // Then b, the least recently used, is forgotten
    expect(await seen.has('b')).toBe(false);
    expect(await seen.has('a')).toBe(true);
    expect(await seen.has('c')).toBe(true);
    expect(seen.size).toBe(2);
  });
});
