import type { Consumer, ConsumerRunConfig, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { BusSubscription, OutgoingMessage, SubscribeOptions } from '../bus.port';
import { deadLetterMessage } from '../delivery/dead-letter-message';
import { deliverWithRetries } from '../delivery/deliver-with-retries';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_BACKOFF_MS } from '../delivery/retry-policy';
import { kafkaBusDefaults } from './kafka-bus-options';
import { decodeHeaders, decodeValue } from './kafka-message-codec';
import type { StartOffsets } from './kafka-topic-admin';
import { runByKey } from '../delivery/run-by-key';
import { subscriptionAwareAssigner } from './subscription-aware-assigner';

/**
 * Offsets of handled messages waiting to be committed, per topic partition: committed every
 * `intervalMs` (started by `every`), as soon as `threshold` messages wait, before a rebalance
 * and on close. A commit that fails (the group rebalancing) is retried with the next one; what
 * it would have saved is at worst delivered again, never lost.
 */
class PendingCommits {
  private readonly pending = new Map<
    string,
    { topic: string; partition: number; offset: bigint }
  >();
  private count = 0;
  private timer?: NodeJS.Timeout;
  private committing: Promise<void> = Promise.resolve();

  constructor(
    private readonly consumer: Consumer,
    private readonly threshold: number,
  ) {}

  handled(topic: string, partition: number, offset: string): void {
    const key = `${topic}|${partition}`;
    const next = BigInt(offset) + 1n;
    const known = this.pending.get(key);
    if (!known || known.offset < next) this.pending.set(key, { topic, partition, offset: next });
    if (++this.count >= this.threshold) void this.flush();
  }

  /** Drop what waits for partitions this member no longer has (after a rebalance). */
  keepOnly(assignment: Readonly<Record<string, readonly number[]>>): void {
    for (const [key, { topic, partition }] of this.pending) {
      if (!assignment[topic]?.includes(partition)) this.pending.delete(key);
    }
  }

  every(intervalMs: number): void {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  flush(): Promise<void> {
    this.committing = this.committing.then(async () => {
      if (this.pending.size === 0) return;
      const batch = [...this.pending.values()];
      this.pending.clear();
      this.count = 0;
      try {
        await this.consumer.commitOffsets(
          batch.map(({ topic, partition, offset }) => ({
            topic,
            partition,
            offset: offset.toString(),
          })),
        );
      } catch {
        for (const entry of batch) {
          const key = `${entry.topic}|${entry.partition}`;
          const newer = this.pending.get(key);
          if (!newer || newer.offset < entry.offset) this.pending.set(key, entry);
        }
      }
    });
    return this.committing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

export interface ConsumerSettings {
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly maxWaitTimeMs: number;
  readonly partitionsConsumedConcurrently: number;
  readonly keysConsumedConcurrently: number;
  readonly joinTimeoutMs: number;
  readonly commitEveryMessages: number;
  readonly commitIntervalMs: number;
}

export const consumerSettings = (s: Partial<ConsumerSettings>): ConsumerSettings => ({
  sessionTimeoutMs: s.sessionTimeoutMs ?? kafkaBusDefaults.sessionTimeoutMs,
  heartbeatIntervalMs: s.heartbeatIntervalMs ?? kafkaBusDefaults.heartbeatIntervalMs,
  rebalanceTimeoutMs: s.rebalanceTimeoutMs ?? kafkaBusDefaults.rebalanceTimeoutMs,
  maxWaitTimeMs: s.maxWaitTimeMs ?? kafkaBusDefaults.maxWaitTimeMs,
  partitionsConsumedConcurrently:
    s.partitionsConsumedConcurrently ?? kafkaBusDefaults.partitionsConsumedConcurrently,
  keysConsumedConcurrently: s.keysConsumedConcurrently ?? kafkaBusDefaults.keysConsumedConcurrently,
  joinTimeoutMs: s.joinTimeoutMs ?? kafkaBusDefaults.joinTimeoutMs,
  commitEveryMessages: s.commitEveryMessages ?? kafkaBusDefaults.commitEveryMessages,
  commitIntervalMs: s.commitIntervalMs ?? kafkaBusDefaults.commitIntervalMs,
});

interface PartitionMessage {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
  readonly heartbeat: () => Promise<void>;
}

/** Handle one Kafka message: retries, then the dead-letter topic; the caller commits after. */
const handleMessage = async (
  options: SubscribeOptions,
  deadLetter: (message: OutgoingMessage) => Promise<void>,
  { topic, partition, message, heartbeat }: PartitionMessage,
): Promise<void> => {
  const base = {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? '',
  };
  const decoded = decodeValue(message);
  if (!decoded.ok) {
    // Not JSON: no attempt can succeed, so it goes to the dead-letter topic as it came.
    const failed = { ...base, value: decoded.raw, headers: decodeHeaders(message.headers) };
    await deadLetter(deadLetterMessage(failed, decoded.error, 0, options.groupId));
    return;
  }
  const raw = message.value?.toString('utf8') ?? 'null';
  await deliverWithRetries({
    message: (attempt) => ({
      ...base,
      value: attempt === 1 ? decoded.value : (JSON.parse(raw) as unknown),
      headers: decodeHeaders(message.headers),
      attempt,
    }),
    handler: options.handler,
    groupId: options.groupId,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryBackoffMs: options.retryBackoffMs ?? DEFAULT_RETRY_BACKOFF_MS,
    deadLetter,
    beforeRetry: heartbeat,
  });
};

/**
 * Handle one fetched batch of a partition key by key (runByKey): a key's messages in order, up to
 * `keys` keys at once, so a slow key holds only itself. Offsets are resolved as the run of
 * handled messages from the batch's start grows, never past a message still in flight; kafkajs
 * commits them after the batch (and on rebalance). On a failure the batch ends there and kafkajs
 * fetches again from the first message not resolved.
 */
const handleBatch = async (
  options: SubscribeOptions,
  deadLetter: (message: OutgoingMessage) => Promise<void>,
  keys: number,
  handledUpTo: (topic: string, partition: number, offset: string) => void,
  { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
): Promise<void> => {
  const { topic, partition, messages } = batch;
  await runByKey(
    messages,
    (message) => message.key?.toString('utf8') ?? '',
    (message) => handleMessage(options, deadLetter, { topic, partition, message, heartbeat }),
    {
      concurrency: keys,
      shouldStop: () => !isRunning() || isStale(),
      afterEach: heartbeat,
      onDoneUpTo: (index) => {
        resolveOffset(messages[index]!.offset);
        handledUpTo(topic, partition, messages[index]!.offset);
      },
    },
  );
};

/**
 * One kafkajs consumer for one subscription (a slow topic never blocks another subscription,
 * docs/style.md 10). Resolves once the consumer has joined its group and received its assignment.
 * Offsets are committed once messages are done (handled or dead-lettered): at-least-once.
 */
export const startKafkaSubscription = async (
  kafka: Kafka,
  options: SubscribeOptions,
  settings: ConsumerSettings,
  deadLetter: (message: OutgoingMessage) => Promise<void>,
  startAt: StartOffsets = new Map(),
): Promise<BusSubscription> => {
  const consumer: Consumer = kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: settings.sessionTimeoutMs,
    heartbeatInterval: settings.heartbeatIntervalMs,
    rebalanceTimeout: settings.rebalanceTimeoutMs,
    maxWaitTimeInMs: settings.maxWaitTimeMs,
    allowAutoTopicCreation: false,
    partitionAssigners: [subscriptionAwareAssigner],
    retry: { initialRetryTime: 100, retries: 10 },
  });

  let joined = false;
  let closing: Promise<void> | undefined;
  const pinned: { topic: string; partition: number; offset: string }[] = [];
  const commits = new PendingCommits(consumer, settings.commitEveryMessages);
  let onJoined: () => void = () => undefined;
  let onFailed: (error: unknown) => void = () => undefined;
  const joining = new Promise<void>((resolve, reject) => {
    onJoined = resolve;
    onFailed = reject;
  });
  const stopListening = [
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      commits.keepOnly(payload.memberAssignment);
      if (!joined) {
        // kafkajs would resolve "latest" lazily, at the first fetch after joining: a message
        // published between subscribe() resolving and that fetch would be skipped. So the
        // partitions the group had never committed start at the high watermarks read before
        // the consumer started. The listener runs synchronously inside the join, before any
        // fetch; the positions are committed below, so a later owner of a partition starts there too.
        for (const [topic, partitions] of Object.entries(payload.memberAssignment)) {
          for (const partition of partitions) {
            const offset = startAt.get(topic)?.get(partition);
            if (offset === undefined) continue;
            consumer.seek({ topic, partition, offset });
            pinned.push({ topic, partition, offset });
          }
        }
      }
      joined = true;
      onJoined();
    }),
    // kafkajs restarts the consumer itself after retriable crashes (coordinator not available,
    // rebalances). Before the first join, a crash it gives up on fails the subscription. After
    // it, kafkajs leaves the consumer stopped for good on an error it does not know as
    // retriable, such as its own TypeError while several consumers of one group rebalance
    // (kafkajs issues #558, #1535): the service would silently stop consuming. So it is
    // restarted here, with backoff, until it runs again or the subscription is closed.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!joined) {
        if (!payload.restart) onFailed(payload.error);
        return;
      }
      if (!payload.restart && !closing) restartAfterCrash(payload.error, 1);
    }),
    // The partitions may move: commit what was handled while this member still owns them.
    consumer.on(consumer.events.REBALANCING, () => void commits.flush()),
  ];
  const timer = setTimeout(
    () => onFailed(new Error(`no group assignment after ${settings.joinTimeoutMs} ms`)),
    settings.joinTimeoutMs,
  );

  const runConfig: ConsumerRunConfig = {
    // Offsets of handled messages only (handleBatch reports them), committed by PendingCommits
    // every commitIntervalMs or commitEveryMessages, not by kafkajs: its auto-commit commits
    // after every fetched batch, which at a few messages a second is a broker round trip per
    // message and consumer group (committing each message alone measured 50x slower). A crash
    // repeats at most the uncommitted tail; consumers drop repeats by event id.
    autoCommit: false,
    partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently,
    eachBatchAutoResolve: false,
    eachBatch: (payload) =>
      handleBatch(
        options,
        deadLetter,
        settings.keysConsumedConcurrently,
        (topic, partition, offset) => commits.handled(topic, partition, offset),
        payload,
      ),
  };

  const restartAfterCrash = (error: Error, attempt: number): void => {
    const delayMs = Math.min(500 * 2 ** (attempt - 1), 5_000);
    process.stderr.write(
      `kafka bus: group ${options.groupId} consumer stopped on ${error.name}: ${error.message}; ` +
        `restarting in ${delayMs} ms (attempt ${attempt})\n`,
    );
    const retry = setTimeout(() => {
      if (closing) return;
      consumer
        .connect()
        .then(() => consumer.run(runConfig))
        .catch((e: unknown) =>
          restartAfterCrash(e instanceof Error ? e : new Error(String(e)), attempt + 1),
        );
    }, delayMs);
    retry.unref();
  };

  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning });
    await consumer.run(runConfig);
    commits.every(settings.commitIntervalMs);
    await joining;
    // Commit the start positions now, so a member that joins next (and rebalances a partition
    // away from this one before it fetched) does not see the partition as never committed.
    if (pinned.length > 0) await consumer.commitOffsets(pinned);
  } catch (error) {
    await consumer.disconnect().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `kafka bus: group ${options.groupId} could not consume ${options.topics.join(', ')}: ${reason}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }

  return {
    close: () => {
      closing ??= (async () => {
        // stop() ends fetching and waits for the batch in hand; then what it handled is
        // committed before the member leaves the group.
        await consumer.stop();
        await commits.close();
        await consumer.disconnect();
        stopListening.forEach((remove) => remove());
      })();
      return closing;
    },
  };
};
