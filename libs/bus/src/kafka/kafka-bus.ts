import { deadLetterTopic } from '@parley/contracts';
import {
  type Admin,
  Kafka,
  logLevel,
  Partitioners,
  type Producer,
  type TopicMessages,
} from 'kafkajs';
import type { Bus, BusSubscription, OutgoingMessage, SubscribeOptions } from '../bus.port';
import { type KafkaBusOptions, kafkaBusDefaults } from './kafka-bus-options';
import { stderrLogCreator } from './kafka-log';
import { encodeMessage } from './kafka-message-codec';
import {
  consumerSettings,
  startKafkaSubscription,
  type ConsumerSettings,
} from './kafka-subscription';
import { KafkaTopicAdmin } from './kafka-topic-admin';

class KafkaBus implements Bus {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly topics: KafkaTopicAdmin;
  private readonly consumers: ConsumerSettings;
  private readonly subscriptions = new Set<BusSubscription>();
  /** Subscriptions of one group start one after another (see uncommittedPartitionEnds). */
  private readonly groupStarts = new Map<string, Promise<unknown>>();
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly options: KafkaBusOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      connectionTimeout: options.connectionTimeoutMs ?? kafkaBusDefaults.connectionTimeoutMs,
      logLevel: options.logLevel ?? logLevel.WARN,
      logCreator: options.logCreator ?? stderrLogCreator,
      // The producer, admin and consumers inherit this. kafkajs waits up to 30 s between tries
      // by default, and restarts a crashed consumer after its last wait: after a broker outage
      // the relay and the consumers resumed up to 30 s after the broker answered (issue 7 asks
      // 10 s). 5 s bounds that wait.
      retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 5_000 },
    });
    const idempotent = options.idempotentProducer ?? kafkaBusDefaults.idempotentProducer;
    this.producer = this.kafka.producer({
      idempotent,
      // One request in flight per broker keeps per-key order through retries.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { initialRetryTime: 100, retries: 8 },
    });
    this.admin = this.kafka.admin();
    this.topics = new KafkaTopicAdmin(
      this.admin,
      options.numPartitions ?? kafkaBusDefaults.numPartitions,
      options.replicationFactor ?? kafkaBusDefaults.replicationFactor,
    );
    this.consumers = consumerSettings(options);
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    await this.send(messages);
  }

  async subscribe(options: SubscribeOptions): Promise<BusSubscription> {
    this.assertOpen();
    if (options.topics.length === 0) throw new Error('subscribe needs at least one topic');
    await this.connect();
    await this.topics.ensureTopics([...options.topics, ...options.topics.map(deadLetterTopic)]);
    const previous = this.groupStarts.get(options.groupId) ?? Promise.resolve();
    const start = previous
      .catch(() => undefined)
      .then(async () => {
        const startAt = options.fromBeginning
          ? undefined
          : await this.topics.uncommittedPartitionEnds(options.groupId, options.topics);
        return startKafkaSubscription(
          this.kafka,
          options,
          this.consumers,
          (m) => this.send([m]),
          startAt,
        );
      });
    this.groupStarts.set(options.groupId, start);
    const started = await start;
    const subscription: BusSubscription = {
      close: async () => {
        await started.close();
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    if (this.closed) await subscription.close();
    return subscription;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    if (this.connecting) {
      await this.connecting.catch(() => undefined);
      await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
    }
  }

  private async send(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, TopicMessages>();
    for (const message of messages) {
      const entry = byTopic.get(message.topic) ?? { topic: message.topic, messages: [] };
      entry.messages.push(encodeMessage(message));
      byTopic.set(message.topic, entry);
    }
    await this.connect();
    await this.topics.ensureTopics([...byTopic.keys()]);
    await this.producer.sendBatch({ topicMessages: [...byTopic.values()], acks: -1 });
  }

  private connect(): Promise<void> {
    this.connecting ??= Promise.all([this.producer.connect(), this.admin.connect()]).then(
      () => undefined,
      (error: unknown) => {
        this.connecting = undefined;
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `kafka bus: cannot connect to ${this.options.brokers.join(',')}: ${reason}`,
          { cause: error },
        );
      },
    );
    return this.connecting;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the kafka bus is closed');
  }
}

/** The bus on Kafka (kafkajs): see bus.port.ts for the semantics every adapter keeps. */
export const createKafkaBus = (options: KafkaBusOptions): Bus => new KafkaBus(options);
