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
      onDoneUpTo: (index) => resolveOffset(messages[index]!.offset),
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
  let onJoined: () => void = () => undefined;
  let onFailed: (error: unknown) => void = () => undefined;
  const joining = new Promise<void>((resolve, reject) => {
    onJoined = resolve;
    onFailed = reject;
  });
  const stopListening = [
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
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
  ];
  const timer = setTimeout(
    () => onFailed(new Error(`no group assignment after ${settings.joinTimeoutMs} ms`)),
    settings.joinTimeoutMs,
  );

  const runConfig: ConsumerRunConfig = {
    // Offsets of handled messages only (handleBatch resolves them), committed in groups:
    // committing each message alone costs a broker round trip per message (the bench
    // measured 50x slower). A crash repeats at most the uncommitted tail; consumers drop
    // repeats by event id.
    autoCommit: true,
    autoCommitThreshold: settings.commitEveryMessages,
    autoCommitInterval: settings.commitIntervalMs,
    partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently,
    eachBatchAutoResolve: false,
    eachBatch: (payload) =>
      handleBatch(options, deadLetter, settings.keysConsumedConcurrently, payload),
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
        // disconnect() stops fetching, waits for the batch in hand, commits, leaves the group.
        await consumer.disconnect();
        stopListening.forEach((remove) => remove());
      })();
      return closing;
    },
  };
};
