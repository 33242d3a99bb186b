import type { Admin } from 'kafkajs';
import { retryTransient } from './retry-transient';

/** topic → partition → offset to start at. */
export type StartOffsets = Map<string, Map<number, string>>;

/**
 * Creates the bus's topics on demand (with their partition count, which broker auto-creation
 * would not give)
 * and finds where a new consumer group starts.
 */
export class KafkaTopicAdmin {
  private readonly ready = new Map<string, Promise<void>>();

  constructor(
    private readonly admin: Admin,
    private readonly numPartitions: number,
    private readonly replicationFactor: number,
  ) {}

  async ensureTopics(topics: readonly string[]): Promise<void> {
    const missing = [...new Set(topics)].filter((t) => !this.ready.has(t));
    if (missing.length > 0) {
      // Several processes may create the same topics at once; the loser sees metadata errors
      // until the winner's partitions have leaders, so those are retried.
      const creation = retryTransient(`creating ${missing.join(', ')}`, () =>
        this.admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: this.numPartitions,
            replicationFactor: this.replicationFactor,
          })),
        }),
      ).then(() => undefined);
      for (const topic of missing) this.ready.set(topic, creation);
      // A failed creation is forgotten, so the next call tries again.
      creation.catch(() =>
        missing.forEach((t) => this.ready.get(t) === creation && this.ready.delete(t)),
      );
    }
    await Promise.all([...new Set(topics)].map((t) => this.ready.get(t)));
  }

  /**
   * The current end (high watermark) of each partition of `topics` that `groupId` has never
   * committed: where a new group that starts "from now" must begin. See startKafkaSubscription.
   */
  async uncommittedPartitionEnds(
    groupId: string,
    topics: readonly string[],
  ): Promise<StartOffsets> {
    const starts: StartOffsets = new Map();
    for (const topic of topics) {
      const [committed] = await retryTransient(`offsets of ${groupId} on ${topic}`, () =>
        this.admin.fetchOffsets({ groupId, topics: [topic] }),
      );
      const uncommitted = new Set(
        (committed?.partitions ?? []).filter((p) => Number(p.offset) < 0).map((p) => p.partition),
      );
      if (uncommitted.size === 0) continue;
      const ends = await retryTransient(`end offsets of ${topic}`, () =>
        this.admin.fetchTopicOffsets(topic),
      );
      starts.set(
        topic,
        new Map(ends.filter((p) => uncommitted.has(p.partition)).map((p) => [p.partition, p.high])),
      );
    }
    return starts;
  }
}
