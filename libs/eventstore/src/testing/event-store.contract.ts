import { ContractViolation, type EventEnvelope } from '@parley/contracts';
import { waitUntil } from '@parley/test-infra';
import type {
  AllSubscription,
  EventStore,
  ExpectedVersion,
  RecordedEvent,
} from '../event-store.port';
import { WrongExpectedVersion } from '../wrong-expected-version';
import { testEvent, uniqueContext } from './event-fixtures';

export interface EventStoreUnderTest {
  readonly store: EventStore;
  /** Close the store and remove what the test created (schema, directory...). */
  cleanup(): Promise<void>;
}

/**
 * Per test and hook. Jest's default (5 s) is too short for the race tests on a busy machine,
 * and the int project's testTimeout is not applied per project.
 */
const TIMEOUT_MS = 60_000;

/** Reads a subscription in the background, as a projector would, with `for await`. */
const follow = (subscription: AllSubscription) => {
  const received: RecordedEvent[] = [];
  const done = (async () => {
    for await (const event of subscription) received.push(event);
  })();
  return { received, done };
};

/** Event ids of recorded events or of plain envelopes, in order. */
const idsOf = (events: readonly (RecordedEvent | EventEnvelope)[]): string[] =>
  events.map((e) => ('event' in e ? e.event : e).metadata.eventId);

const expectStrictlyIncreasing = (positions: readonly bigint[]): void => {
  positions.slice(1).forEach((position, i) => {
    expect(position > (positions[i] as bigint)).toBe(true);
  });
};

const rejectionOf = async (attempt: Promise<unknown>): Promise<unknown> => {
  try {
    await attempt;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to be rejected, it resolved');
};

/**
 * The one contract every EventStore adapter must keep (docs/style.md 15). Each test gets a store from
 * `factory` and works in streams of its own context, so a store shared between tests
 * (EventStoreDB) behaves like a fresh one as far as the test can see.
 */
export const describeEventStoreContract = (
  name: string,
  factory: () => Promise<EventStoreUnderTest>,
): void => {
  describe(`EventStore contract: ${name}`, () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;
    let context: string;
    const stream = (id: string): string => `${context}-${id}`;
    const ours = () => ({ streamPrefixes: [`${context}-`] });

    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
      context = uniqueContext();
    }, TIMEOUT_MS);

    afterEach(async () => {
      await subject.cleanup();
    }, TIMEOUT_MS);

    describe('append and read', () => {
      it(
        'given a new stream, when two events are appended, then the stream reads them back in order',
        async () => {
          const events = [testEvent('c1', { n: 1 }), testEvent('c1', { n: 2 })];

          const result = await store.append(stream('c1'), events, { expected: 'no_stream' });

          expect(result.appended).toBe(true);
          expect(result.nextExpectedRevision).toBe(1);
          const read = await store.readStream(stream('c1'));
          expect(read.map((e) => e.event)).toEqual(events);
          expect(read.map((e) => e.revision)).toEqual([0, 1]);
          expect(read.every((e) => e.streamName === stream('c1'))).toBe(true);
          expect(read.map((e) => ({ revision: e.revision, position: e.position }))).toEqual(
            result.positions,
          );
          expectStrictlyIncreasing(read.map((e) => e.position));
          expect(typeof read[0]?.position).toBe('bigint');
        },
        TIMEOUT_MS,
      );

      it(
        'given a stream of three events, when read from a revision with a max count, then only that slice comes back',
        async () => {
          await store.append(stream('c1'), [testEvent('c1'), testEvent('c1'), testEvent('c1')], {
            expected: 'no_stream',
          });

          const slice = await store.readStream(stream('c1'), { fromRevision: 1, maxCount: 1 });

          expect(slice.map((e) => e.revision)).toEqual([1]);
        },
        TIMEOUT_MS,
      );

      it(
        'given no stream, when it is read, then it reads as empty',
        async () => {
          expect(await store.readStream(stream('missing'))).toEqual([]);
        },
        TIMEOUT_MS,
      );
    });

    describe('expected version', () => {
      const succeeding: readonly [string, boolean, ExpectedVersion, number][] = [
        ['no_stream on a new stream', false, 'no_stream', 0],
        ['any on a new stream', false, 'any', 0],
        ['stream_exists on an existing stream', true, 'stream_exists', 1],
        ['any on an existing stream', true, 'any', 1],
        ['the last revision on an existing stream', true, 0, 1],
      ];
      it.each(succeeding)(
        'given %s, when appending, then the event is stored',
        async (_case, exists, expected, revision) => {
          if (exists)
            await store.append(stream('c1'), [testEvent('c1')], { expected: 'no_stream' });
          const event = testEvent('c1');

          const result = await store.append(stream('c1'), [event], { expected });

          expect(result.nextExpectedRevision).toBe(revision);
          const read = await store.readStream(stream('c1'));
          expect(read.at(-1)?.event).toEqual(event);
          expect(read.at(-1)?.revision).toBe(revision);
        },
        TIMEOUT_MS,
      );

      const failing: readonly [string, boolean, ExpectedVersion, number | 'no_stream'][] = [
        ['no_stream on an existing stream', true, 'no_stream', 0],
        ['stream_exists on a new stream', false, 'stream_exists', 'no_stream'],
        ['a revision on a new stream', false, 0, 'no_stream'],
        ['a stale revision on an existing stream', true, 3, 0],
      ];
      it.each(failing)(
        'given %s, when appending, then WrongExpectedVersion says where the stream is and nothing is written',
        async (_case, exists, expected, actual) => {
          if (exists)
            await store.append(stream('c1'), [testEvent('c1')], { expected: 'no_stream' });
          const before = await store.readStream(stream('c1'));

          const error = await rejectionOf(
            store.append(stream('c1'), [testEvent('c1')], { expected }),
          );

          expect(error).toBeInstanceOf(WrongExpectedVersion);
          expect(error).toMatchObject({ streamName: stream('c1'), expected, actual });
          expect(await store.readStream(stream('c1'))).toEqual(before);
        },
        TIMEOUT_MS,
      );
    });

    describe('idempotency', () => {
      it(
        'given a stored batch, when the same batch is appended again (even with a stale version), then nothing is written and the stored positions come back',
        async () => {
          const batch = [testEvent('c1'), testEvent('c1')];
          const first = await store.append(stream('c1'), batch, { expected: 'no_stream' });
          await store.append(stream('c1'), [testEvent('c1')], { expected: 1 });

          const retry = await store.append(stream('c1'), batch, { expected: 'no_stream' });

          expect(retry.appended).toBe(false);
          expect(retry.positions).toEqual(first.positions);
          expect(retry.nextExpectedRevision).toBe(2);
          expect(await store.readStream(stream('c1'))).toHaveLength(3);
        },
        TIMEOUT_MS,
      );

      it(
        'given one event of a batch is stored, when the batch is appended, then only the new event is written',
        async () => {
          const stored = testEvent('c1');
          const first = await store.append(stream('c1'), [stored], { expected: 'no_stream' });
          const fresh = testEvent('c1');

          const result = await store.append(stream('c1'), [stored, fresh], { expected: 0 });

          expect(result.appended).toBe(true);
          expect(result.positions[0]).toEqual(first.positions[0]);
          expect(result.positions[1]?.revision).toBe(1);
          expect(idsOf(await store.readStream(stream('c1')))).toEqual(idsOf([stored, fresh]));
        },
        TIMEOUT_MS,
      );
    });

    describe('validation', () => {
      it(
        'given a batch with one bad envelope, when appended, then ContractViolation is thrown and nothing is written',
        async () => {
          const bad = { ...testEvent('c1'), type: 'not a past-tense type' };

          const error = await rejectionOf(
            store.append(stream('c1'), [testEvent('c1'), bad], { expected: 'any' }),
          );

          expect(error).toBeInstanceOf(ContractViolation);
          expect((error as ContractViolation).issues.map((i) => i.field)).toContain('type');
          expect(await store.readStream(stream('c1'))).toEqual([]);
        },
        TIMEOUT_MS,
      );

      it(
        'given a batch that repeats an eventId, when appended, then ContractViolation is thrown and nothing is written',
        async () => {
          const event = testEvent('c1');

          const error = await rejectionOf(
            store.append(stream('c1'), [event, event], { expected: 'any' }),
          );

          expect(error).toBeInstanceOf(ContractViolation);
          expect(await store.readStream(stream('c1'))).toEqual([]);
        },
        TIMEOUT_MS,
      );
    });

    describe('readAll', () => {
      let a1: EventEnvelope, b1: EventEnvelope, a2: EventEnvelope, other: EventEnvelope;
      beforeEach(async () => {
        [a1, b1, a2] = [testEvent('a'), testEvent('b'), testEvent('a')];
        other = testEvent('x');
        await store.append(stream('a'), [a1], { expected: 'no_stream' });
        await store.append(stream('b'), [b1], { expected: 'no_stream' });
        await store.append(stream('a'), [a2], { expected: 0 });
        await store.append(`other${context}-x`, [other], { expected: 'no_stream' });
      }, TIMEOUT_MS);

      it(
        'given events in several streams, when read with a prefix filter, then they come in commit order',
        async () => {
          const all = await store.readAll({ filter: ours() });

          expect(idsOf(all)).toEqual(idsOf([a1, b1, a2]));
          expectStrictlyIncreasing(all.map((e) => e.position));
          expect(all.map((e) => e.streamName)).toEqual([stream('a'), stream('b'), stream('a')]);
        },
        TIMEOUT_MS,
      );

      it(
        'given a position, when read after it, then only later events come back (after is exclusive)',
        async () => {
          const [first] = await store.readAll({ filter: ours() });

          const later = await store.readAll({ after: first?.position });

          expect(idsOf(later)).toEqual(idsOf([b1, a2, other]));
        },
        TIMEOUT_MS,
      );

      it(
        'given many events, when read with maxCount, then at most that many come back, from the start',
        async () => {
          const page = await store.readAll({ filter: ours(), maxCount: 2 });

          expect(idsOf(page)).toEqual(idsOf([a1, b1]));
        },
        TIMEOUT_MS,
      );

      it(
        'given several prefixes, when filtered, then events of any of them come back',
        async () => {
          const both = await store.readAll({
            filter: { streamPrefixes: [`${context}-b`, `other${context}-`] },
          });

          expect(idsOf(both)).toEqual(idsOf([b1, other]));
        },
        TIMEOUT_MS,
      );
    });

    describe('subscribeToAll', () => {
      it(
        'given stored events and a checkpoint, when subscribed, then it catches up after the checkpoint and then delivers live events',
        async () => {
          const stored = [testEvent('a'), testEvent('a'), testEvent('a')];
          const result = await store.append(stream('a'), stored, { expected: 'no_stream' });
          const subscription = store.subscribeToAll({
            after: result.positions[0]?.position,
            filter: ours(),
          });
          const { received, done } = follow(subscription);
          await waitUntil('catch-up', () => (received.length >= 2 ? true : undefined));

          const live = testEvent('b');
          await store.append(stream('b'), [live], { expected: 'no_stream' });
          await waitUntil('the live event', () => (received.length >= 3 ? true : undefined));
          await subscription.close();
          await done;

          expect(idsOf(received)).toEqual(idsOf([...stored.slice(1), live]));
          expectStrictlyIncreasing(received.map((e) => e.position));
        },
        TIMEOUT_MS,
      );

      it(
        'given a live subscription waiting for events, when closed, then the iteration ends',
        async () => {
          const subscription = store.subscribeToAll({ filter: ours() });
          const { received, done } = follow(subscription);
          await new Promise((resolve) => setTimeout(resolve, 100));

          await subscription.close();

          await expect(done).resolves.toBeUndefined();
          expect(received).toEqual([]);
        },
        TIMEOUT_MS,
      );

      it(
        'given a consumer that stops early, when it leaves the loop, then the subscription is closed',
        async () => {
          await store.append(stream('a'), [testEvent('a'), testEvent('a')], {
            expected: 'no_stream',
          });
          const subscription = store.subscribeToAll({ filter: ours() });
          const seen: RecordedEvent[] = [];

          for await (const event of subscription) {
            seen.push(event);
            break;
          }

          expect(seen).toHaveLength(1);
          const again: RecordedEvent[] = [];
          for await (const event of subscription) again.push(event);
          expect(again).toEqual([]);
        },
        TIMEOUT_MS,
      );
    });

    describe('concurrency', () => {
      it(
        'given 20 writers racing on one stream with expected revisions, when each retries until its events are in, then every revision holds exactly one event',
        async () => {
          const writers = 20;
          const eventsPerWriter = 2;
          const conflicts: WrongExpectedVersion[] = [];
          const write = async (writer: number): Promise<void> => {
            for (let n = 0; n < eventsPerWriter; n += 1) {
              const event = testEvent('race', { writer, n });
              for (let attempt = 0; ; attempt += 1) {
                if (attempt > 500) throw new Error(`writer ${writer} never got through`);
                const current = await store.readStream(stream('race'));
                const last = current.at(-1);
                try {
                  await store.append(stream('race'), [event], {
                    expected: last ? last.revision : 'no_stream',
                  });
                  break;
                } catch (error) {
                  if (!(error instanceof WrongExpectedVersion)) throw error;
                  conflicts.push(error);
                }
              }
            }
          };

          await Promise.all(Array.from({ length: writers }, (_, w) => write(w)));

          const read = await store.readStream(stream('race'));
          expect(read).toHaveLength(writers * eventsPerWriter);
          expect(read.map((e) => e.revision)).toEqual(read.map((_, i) => i));
          expect(new Set(idsOf(read)).size).toBe(read.length);
          expect(conflicts.length).toBeGreaterThan(0);
          for (const conflict of conflicts) {
            expect(conflict.actual === 'no_stream' || typeof conflict.actual === 'number').toBe(
              true,
            );
            expect(conflict.actual).not.toEqual(conflict.expected);
          }
          expectStrictlyIncreasing(read.map((e) => e.position));
        },
        TIMEOUT_MS,
      );

      it(
        'given a subscriber, when writers append to different streams concurrently, then it sees every event exactly once with strictly increasing positions',
        async () => {
          const writers = 10;
          const appendsPerWriter = 10;
          const subscription = store.subscribeToAll({ filter: ours() });
          const { received, done } = follow(subscription);
          const written: string[] = [];

          await Promise.all(
            Array.from({ length: writers }, async (_, w) => {
              for (let n = 0; n < appendsPerWriter; n += 1) {
                const event = testEvent(`w${w}`, { n });
                written.push(event.metadata.eventId);
                await store.append(stream(`w${w}`), [event], {
                  expected: n === 0 ? 'no_stream' : n - 1,
                });
              }
            }),
          );
          await waitUntil('every event at the subscriber', () =>
            received.length >= written.length ? true : undefined,
          );
          // Give a duplicate, if the store would deliver one, the chance to arrive.
          await new Promise((resolve) => setTimeout(resolve, 200));
          await subscription.close();
          await done;

          expect(received).toHaveLength(written.length);
          expect(new Set(idsOf(received))).toEqual(new Set(written));
          expectStrictlyIncreasing(received.map((e) => e.position));
          expect(idsOf(await store.readAll({ filter: ours() }))).toEqual(idsOf(received));
        },
        TIMEOUT_MS,
      );
    });
  });
};
