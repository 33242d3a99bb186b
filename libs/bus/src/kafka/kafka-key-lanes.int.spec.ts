import { testKafkaBrokers, waitUntil } from '@parley/test-infra';
import { logLevel } from 'kafkajs';
import type { Bus, DeliveredMessage } from '../bus.port';
import { describeOnKafka } from '../testing';
import { uniqueName } from '../testing/unique-names';
import { createKafkaBus } from './kafka-bus';

// Kafka-only: a partition's fetched messages are handled key by key, so a key whose handler
// waits (a chat under Telegram's retry_after) holds its own later messages and no other key's.

describeOnKafka('Kafka bus, keys of one partition', () => {
  let bus: Bus;

  beforeAll(() => {
    bus = createKafkaBus({
      brokers: testKafkaBrokers(),
      clientId: uniqueName('parley-key-lanes'),
      logLevel: logLevel.ERROR,
      numPartitions: 1,
      maxWaitTimeMs: 200,
    });
  });

  afterAll(async () => {
    await bus?.close();
  });

  it('given one key held up, when other keys arrive on the same partition, then they are handled meanwhile and the held key keeps its order', async () => {
    const topic = uniqueName('lanes.held');
    const handled: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const subscription = await bus.subscribe({
      groupId: uniqueName('lanes'),
      topics: [topic],
      fromBeginning: true,
      handler: async (message: DeliveredMessage) => {
        const { label } = message.value as { label: string };
        if (label === 'slow-1') await held;
        handled.push(label);
      },
    });
    try {
      await bus.publish(
        ['slow-1', 'fast-1', 'slow-2', 'other-1', 'fast-2'].map((label) => ({
          topic,
          key: label.split('-')[0]!,
          value: { label },
        })),
      );

      await waitUntil('the other keys handled', () => (handled.length === 3 ? true : undefined));
      expect(handled).toEqual(['fast-1', 'other-1', 'fast-2']);

      release();
      await waitUntil('all handled', () => (handled.length === 5 ? true : undefined));
      expect(handled.slice(3)).toEqual(['slow-1', 'slow-2']);
    } finally {
      release();
      await subscription.close();
    }
  }, 30_000);
});
