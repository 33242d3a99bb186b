import type { logCreator, logLevel } from 'kafkajs';

export interface KafkaBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Partitions of the topics the bus creates. Default 3. */
  readonly numPartitions?: number;
  /** Replication factor of the topics the bus creates. Default 1 (single broker). */
  readonly replicationFactor?: number;
  /** Idempotent producer (acks all either way). Default true. */
  readonly idempotentProducer?: boolean;
  /** Consumer group session timeout. Default 10 000 ms (broker minimum is usually 6 000). */
  readonly sessionTimeoutMs?: number;
  /** Default 1 000 ms: a member learns of a rebalance within one heartbeat. */
  readonly heartbeatIntervalMs?: number;
  /** Default 15 000 ms. */
  readonly rebalanceTimeoutMs?: number;
  /** How long a fetch waits on the broker for new data. Default 500 ms (also bounds close()). */
  readonly maxWaitTimeMs?: number;
  /** Partitions of one subscription handled at the same time. Default 3. */
  readonly partitionsConsumedConcurrently?: number;
  /**
   * Keys of one partition's fetched batch handled at the same time, each key's messages one at
   * a time and in order. Default 8; 1 handles a partition one message at a time.
   */
  readonly keysConsumedConcurrently?: number;
  /** How long subscribe() waits for the consumer to join its group. Default 60 000 ms. */
  readonly joinTimeoutMs?: number;
  readonly connectionTimeoutMs?: number;
  /** Commit handled offsets after this many messages... Default 100. */
  readonly commitEveryMessages?: number;
  /** ...or after this long, whichever comes first. Default 500 ms. */
  readonly commitIntervalMs?: number;
  /** kafkajs log level; default WARN. */
  readonly logLevel?: logLevel;
  /** Replaces the default log creator (which writes to stderr). */
  readonly logCreator?: logCreator;
}

export const kafkaBusDefaults = {
  numPartitions: 3,
  replicationFactor: 1,
  idempotentProducer: true,
  sessionTimeoutMs: 10_000,
  heartbeatIntervalMs: 1_000,
  rebalanceTimeoutMs: 15_000,
  maxWaitTimeMs: 500,
  partitionsConsumedConcurrently: 3,
  keysConsumedConcurrently: 8,
  joinTimeoutMs: 60_000,
  connectionTimeoutMs: 3_000,
  commitEveryMessages: 100,
  commitIntervalMs: 500,
} as const;
