import type { DeliveredMessage, OutgoingMessage, SubscribeOptions } from '../bus.port';
import { deliverWithRetries } from '../delivery/deliver-with-retries';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_BACKOFF_MS } from '../delivery/retry-policy';
import { runByKey } from '../delivery/run-by-key';
import type { StoredRecord, TopicLog } from './topic-log';

/** Messages of one partition taken at a time; each key's in order, keys side by side. */
const MAX_BATCH = 500;
/** Keys of one batch handled at the same time (as the Kafka adapter's default). */
const KEYS_CONSUMED_CONCURRENTLY = 8;

/** One subscription's place in its group. */
export interface GroupMember {
  readonly options: SubscribeOptions;
  readonly inFlight: Set<Promise<unknown>>;
}

export interface GroupEnvironment {
  readonly topic: (name: string) => TopicLog;
  readonly deadLetter: (message: OutgoingMessage) => Promise<void>;
  readonly onError: (error: unknown) => void;
  /** The group moved past a message of this topic partition (the bus may drop what all passed). */
  readonly consumed: (topic: string, partition: number) => void;
}

/**
 * A consumer group of the in-process bus: its own next offset per topic partition (kept after
 * every member left, like Kafka's committed offsets), partitions spread over the members that
 * subscribe to the topic, and one delivery loop per partition that takes what is waiting and
 * handles it key by key: a key's messages one at a time and in order, other keys and other
 * partitions meanwhile.
 */
export class InProcessConsumerGroup {
  private readonly members: GroupMember[] = [];
  private readonly nextOffsets = new Map<string, number[]>();
  private readonly pumping = new Set<string>();

  constructor(
    readonly groupId: string,
    private readonly env: GroupEnvironment,
  ) {}

  join(options: SubscribeOptions): GroupMember {
    for (const topic of options.topics) {
      if (!this.nextOffsets.has(topic)) {
        const log = this.env.topic(topic);
        this.nextOffsets.set(topic, options.fromBeginning ? log.startOffsets() : log.endOffsets());
      }
    }
    const member: GroupMember = { options, inFlight: new Set() };
    this.members.push(member);
    this.kickAll();
    return member;
  }

  /** No new message goes to the member; the one it holds is finished first. */
  async leave(member: GroupMember): Promise<void> {
    const index = this.members.indexOf(member);
    if (index >= 0) this.members.splice(index, 1);
    this.kickAll();
    while (member.inFlight.size > 0) await Promise.allSettled([...member.inFlight]);
  }

  /** The next offset this group reads in a topic partition; undefined if it never read the topic. */
  nextOffset(topic: string, partition: number): number | undefined {
    return this.nextOffsets.get(topic)?.[partition];
  }

  subscribes(topic: string): boolean {
    return this.members.some((m) => m.options.topics.includes(topic));
  }

  kick(topic: string): void {
    const log = this.env.topic(topic);
    for (let partition = 0; partition < log.partitionCount; partition++) {
      void this.pump(log, partition);
    }
  }

  private kickAll(): void {
    for (const topic of this.nextOffsets.keys()) if (this.subscribes(topic)) this.kick(topic);
  }

  private ownerOf(topic: string, partition: number): GroupMember | undefined {
    const candidates = this.members.filter((m) => m.options.topics.includes(topic));
    return candidates.length === 0 ? undefined : candidates[partition % candidates.length];
  }

  private async pump(log: TopicLog, partition: number): Promise<void> {
    const id = `${log.name}#${partition}`;
    if (this.pumping.has(id)) return;
    this.pumping.add(id);
    try {
      // Never run handlers inside publish() or subscribe(): deliver on a later turn, like Kafka.
      await new Promise((resolve) => setImmediate(resolve));
      for (;;) {
        const offsets = this.nextOffsets.get(log.name);
        const owner = this.ownerOf(log.name, partition);
        if (!offsets || !owner) return;
        // Retention dropped what this group had not read (it joined late): go on from the oldest held.
        const first = Math.max(offsets[partition] ?? 0, log.startOffsets()[partition]!);
        const end = Math.min(log.endOffsets()[partition]!, first + MAX_BATCH);
        if (first >= end) return;
        const batch = Array.from({ length: end - first }, (_, i) => first + i);
        // Key by key, like the Kafka adapter: a slow key holds only its own messages.
        await runByKey(
          batch,
          (offset) => log.at(partition, offset)?.key ?? '',
          async (offset) => {
            const record = log.at(partition, offset);
            if (!record) return;
            const done = this.deliver(owner, log.name, partition, offset, record);
            owner.inFlight.add(done);
            try {
              await done;
            } finally {
              owner.inFlight.delete(done);
            }
          },
          {
            concurrency: KEYS_CONSUMED_CONCURRENTLY,
            shouldStop: () => this.ownerOf(log.name, partition) !== owner,
            onDoneUpTo: (index) => {
              offsets[partition] = first + index + 1;
              this.env.consumed(log.name, partition);
            },
          },
        );
      }
    } catch (error) {
      this.env.onError(error);
    } finally {
      this.pumping.delete(id);
    }
  }

  private deliver(
    owner: GroupMember,
    topic: string,
    partition: number,
    offset: number,
    record: StoredRecord,
  ): Promise<unknown> {
    const { options } = owner;
    return deliverWithRetries({
      message: (attempt): DeliveredMessage => ({
        topic,
        key: record.key,
        value: JSON.parse(record.json) as unknown,
        headers: { ...record.headers },
        partition,
        offset: String(offset),
        attempt,
      }),
      handler: options.handler,
      groupId: this.groupId,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      retryBackoffMs: options.retryBackoffMs ?? DEFAULT_RETRY_BACKOFF_MS,
      deadLetter: this.env.deadLetter,
    });
  }
}
