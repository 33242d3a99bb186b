import { deadLetterTopic, DEAD_LETTER_HEADERS } from '@parley/contracts';
import { testKafkaBrokers, waitUntil } from '@parley/test-infra';
import type { Bus, BusSubscription, DeliveredMessage } from '../bus.port';
import { describeOnKafka, testKafkaBus } from '../testing/kafka-test-suite';
import { uniqueName } from '../testing/unique-names';
import {
  formatDeadLetterRef,
  KafkaDeadLetters,
  parseDeadLetterRef,
  REPLAYED_FROM_HEADER,
} from './kafka-dead-letters';

describeOnKafka('dead letters', () => {
  let bus: Bus;
  let letters: KafkaDeadLetters;
  const subscriptions: BusSubscription[] = [];

  beforeAll(() => {
    bus = testKafkaBus();
    letters = new KafkaDeadLetters({ brokers: testKafkaBrokers() });
  });

  afterAll(async () => {
    await Promise.all(subscriptions.map((s) => s.close()));
    await bus.close();
    await letters.close();
  });

  it('given a message no handler can take, when it is dead-lettered, then it is counted, listed with its error, and replayed to its topic', async () => {
    const topic = uniqueName('parley-test-dlq');
    const dlq = deadLetterTopic(topic);
    subscriptions.push(
      await bus.subscribe({
        groupId: uniqueName('poisoned'),
        topics: [topic],
        fromBeginning: true,
        maxAttempts: 2,
        retryBackoffMs: 1,
        handler: async () => {
          throw new Error('this payload is poison');
        },
      }),
    );
    await bus.publish([
      {
        topic,
        key: 'c1',
        value: { type: 'Test.ThingHappened' },
        headers: { 'parley-event-id': 'e1' },
      },
    ]);

    await waitUntil(
      'the dead letter',
      async () => ((await letters.count([dlq])) === 1 ? true : undefined),
      30_000,
    );
    const [letter] = await letters.list([dlq]);
    expect(letter).toMatchObject({
      originalTopic: topic,
      key: 'c1',
      value: JSON.stringify({ type: 'Test.ThingHappened' }),
      attempts: 2,
    });
    expect(letter.error).toMatch(/^Error: this payload is poison/);
    expect(parseDeadLetterRef(formatDeadLetterRef(letter.ref))).toEqual(letter.ref);

    const replayed: DeliveredMessage[] = [];
    subscriptions.push(
      await bus.subscribe({
        groupId: uniqueName('after-the-fix'),
        topics: [topic],
        fromBeginning: false,
        handler: async (message) => {
          replayed.push(message);
        },
      }),
    );
    await letters.replay(letter.ref);

    const [again] = await waitUntil(
      'the replayed message',
      () => (replayed.length ? replayed : undefined),
      30_000,
    );
    expect(again.value).toEqual({ type: 'Test.ThingHappened' });
    expect(again.headers).toMatchObject({
      'parley-event-id': 'e1',
      [REPLAYED_FROM_HEADER]: formatDeadLetterRef(letter.ref),
    });
    expect(again.headers[DEAD_LETTER_HEADERS.error]).toBeUndefined();
  });

  it('given a reference that is not a dead letter, when parsed or replayed, then the error says so', async () => {
    expect(() => parseDeadLetterRef('parley.crm.events:0:1')).toThrow(/is not a dead letter/);
    const topic = deadLetterTopic(uniqueName('parley-test-dlq-empty'));
    await expect(letters.replay({ topic, partition: 0, offset: '0' })).rejects.toThrow(
      /no dead letter at/,
    );
  });
});
