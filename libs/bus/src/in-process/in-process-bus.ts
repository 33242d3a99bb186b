import type { Bus, BusSubscription, OutgoingMessage, SubscribeOptions } from '../bus.port';
import { InProcessConsumerGroup } from './in-process-consumer-group';
import { type StoredRecord, TopicLog } from './topic-log';

export interface InProcessBusOptions {
  /** Partitions per topic. Default 3. */
  readonly partitions?: number;
  /** Where errors that no handler can see go (a failed dead-letter publish). Default stderr. */
  readonly onError?: (error: unknown) => void;
  /**
   * Messages kept per partition once every group that reads the topic has passed them
   * (retention: the bus does not keep every message for ever). Nothing a group has not read
   * yet is dropped. Default 2,000.
   */
  readonly retainPerPartition?: number;
}

/** Serialise like the Kafka adapter does, so a value that would not survive Kafka fails here too. */
export const toStoredRecord = (message: OutgoingMessage): StoredRecord => {
  const json = JSON.stringify(message.value);
  if (json === undefined) {
    throw new TypeError(`the value of a message to ${message.topic} is not JSON-serialisable`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
  return { key: message.key, json, headers };
};

class InProcessBus implements Bus {
  private readonly topics = new Map<string, TopicLog>();
  private readonly groups = new Map<string, InProcessConsumerGroup>();
  private readonly subscriptions = new Set<BusSubscription>();
  private closed = false;

  constructor(
    private readonly partitions: number,
    private readonly onError: (error: unknown) => void,
    private readonly retainPerPartition: number,
  ) {}

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    this.append(messages);
  }

  async subscribe(options: SubscribeOptions): Promise<BusSubscription> {
    this.assertOpen();
    if (options.topics.length === 0) throw new Error('subscribe needs at least one topic');
    let group = this.groups.get(options.groupId);
    if (!group) {
      group = new InProcessConsumerGroup(options.groupId, {
        topic: (name) => this.topic(name),
        deadLetter: async (message) => this.append([message]),
        onError: this.onError,
        consumed: (topic, partition) => this.applyRetention(topic, partition),
      });
      this.groups.set(options.groupId, group);
    }
    const member = group.join(options);
    let closing: Promise<void> | undefined;
    const subscription: BusSubscription = {
      close: () => {
        closing ??= group.leave(member).finally(() => this.subscriptions.delete(subscription));
        return closing;
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
  }

  /** All messages are validated before any is appended: a batch is stored whole or not at all. */
  private append(messages: readonly OutgoingMessage[]): void {
    const records = messages.map((m) => ({ topic: m.topic, record: toStoredRecord(m) }));
    const touched = new Set<string>();
    for (const { topic, record } of records) {
      this.topic(topic).append(record);
      touched.add(topic);
    }
    for (const topic of touched) {
      for (const group of this.groups.values()) if (group.subscribes(topic)) group.kick(topic);
    }
  }

  /**
   * Drop what every group reading the topic has passed, keeping the last `retainPerPartition`;
   * only once twice that many are held, so the work is spread over many messages.
   */
  private applyRetention(topic: string, partition: number): void {
    const log = this.topic(topic);
    const start = log.startOffsets()[partition]!;
    const end = log.endOffsets()[partition]!;
    if (end - start < 2 * this.retainPerPartition) return;
    let passedByAll = end;
    for (const group of this.groups.values()) {
      const next = group.nextOffset(topic, partition);
      if (next !== undefined) passedByAll = Math.min(passedByAll, next);
    }
    log.trim(partition, Math.min(passedByAll, end - this.retainPerPartition));
  }

  private topic(name: string): TopicLog {
    let log = this.topics.get(name);
    if (!log) {
      log = new TopicLog(name, this.partitions);
      this.topics.set(name, log);
    }
    return log;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the in-process bus is closed');
  }
}

/** The embedded bus (docs/architecture.md, three ways to run): Kafka's semantics, in memory. */
export const createInProcessBus = (options: InProcessBusOptions = {}): Bus =>
  new InProcessBus(
    options.partitions ?? 3,
    options.onError ?? ((error) => process.stderr.write(`in-process bus: ${String(error)}\n`)),
    options.retainPerPartition ?? 2_000,
  );
