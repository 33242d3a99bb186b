import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { waitUntil } from '@parley/test-infra';

/** Where a topic ended at one moment: partition → next offset. */
export type TopicMark = ReadonlyMap<number, string>;

/**
 * Reads what a test put on a real Kafka topic, as raw text, so it can assert what travels on the
 * bus (not what a service made of it). `mark` notes where the topic ends now; `readSince` reads
 * every message written after that mark, with a consumer group of its own, until `until` holds.
 */
export class KafkaTopicReader {
  private readonly kafka: Kafka;

  constructor(brokers: readonly string[]) {
    this.kafka = new Kafka({
      clientId: `e2e-topic-reader-${randomBytes(3).toString('hex')}`,
      brokers: [...brokers],
      logLevel: logLevel.NOTHING,
    });
  }

  async mark(topic: string): Promise<TopicMark> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return new Map(offsets.map((o) => [o.partition, o.high]));
    } finally {
      await admin.disconnect();
    }
  }

  /** The values (UTF-8 text) written to `topic` after `mark`, once `until` holds for them. */
  async readSince(
    topic: string,
    mark: TopicMark,
    until: (values: readonly string[]) => boolean,
    timeoutMs = 30_000,
  ): Promise<string[]> {
    const groupId = `e2e-topic-reader-${randomBytes(4).toString('hex')}`;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.setOffsets({
        groupId,
        topic,
        partitions: [...mark].map(([partition, offset]) => ({ partition, offset })),
      });
    } finally {
      await admin.disconnect();
    }
    const values: string[] = [];
    const consumer = this.kafka.consumer({ groupId });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          values.push(message.value?.toString('utf8') ?? '');
        },
      });
      await waitUntil(
        `the messages on ${topic}`,
        async () => (until(values) ? true : undefined),
        timeoutMs,
        100,
      );
      return [...values];
    } finally {
      await consumer.disconnect();
    }
  }
}
