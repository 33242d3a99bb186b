import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createInProcessBus, createKafkaBus, type Bus, type OutgoingMessage } from '@parley/bus';
import { deadLetterTopic } from '@parley/contracts';
import { testKafkaBrokers } from '@parley/test-infra';
import { Kafka, logLevel, Partitioners, type Consumer, type Producer } from 'kafkajs';
import {
  measure,
  progress,
  reasonOf,
  type BenchOptions,
  type BenchOutcome,
  type Comparison,
  type Measurement,
  type Recorder,
} from './report';

/**
 * Bus publish + consume: N messages published in batches of 100 (each batch awaited before the
 * next), one subscriber consuming them all; the time runs from the first publish until the last
 * message has reached the handler. p50/p99 are per message, from just before its batch was
 * published to its arrival in the handler (one process, one clock). Ours and the baseline each
 * get their own topic of 3 partitions and their own consumer group, and both first pass one
 * warm-up batch end to end (connections, group join and topic creation are not timed).
 */

const BATCH = 100;
const KEYS = 50;
const ARRIVAL_TIMEOUT_MS = 120_000;

/** What travels: a sequence number, the phase it belongs to, and when its batch was sent. */
interface BenchPayload {
  readonly phase: 'warmup' | 'run';
  readonly seq: number;
  readonly sentAt: number;
  readonly body: { readonly text: string; readonly tags: readonly string[] };
}

const payload = (phase: BenchPayload['phase'], seq: number, sentAt: number): BenchPayload => ({
  phase,
  seq,
  sentAt,
  body: { text: `message ${seq} of the benchmark`, tags: ['a', 'b'] },
});

/** Waits for `expected` distinct sequence numbers of one phase, recording their latencies. */
class Arrivals {
  private readonly seen = new Set<number>();
  private resolve: () => void = () => undefined;
  readonly all: Promise<void>;

  constructor(
    private readonly phase: BenchPayload['phase'],
    private readonly expected: number,
    private readonly recorder?: Recorder,
  ) {
    let timer: NodeJS.Timeout | undefined;
    this.all = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `only ${this.seen.size} of ${expected} ${phase} messages arrived in ${ARRIVAL_TIMEOUT_MS} ms`,
            ),
          ),
        ARRIVAL_TIMEOUT_MS,
      );
    }).finally(() => clearTimeout(timer));
  }

  take(value: BenchPayload): void {
    if (value.phase !== this.phase || this.seen.has(value.seq)) return;
    this.seen.add(value.seq);
    this.recorder?.record(performance.now() - value.sentAt);
    if (this.seen.size === this.expected) this.resolve();
  }
}

/** Publish `n` messages of `phase` in batches through `send`, then wait for all to arrive. */
const publishAndAwait = async (
  n: number,
  phase: BenchPayload['phase'],
  setSink: (arrivals: Arrivals) => void,
  send: (batch: readonly { key: string; value: BenchPayload }[]) => Promise<void>,
  recorder?: Recorder,
): Promise<void> => {
  const arrivals = new Arrivals(phase, n, recorder);
  setSink(arrivals);
  for (let start = 0; start < n; start += BATCH) {
    const sentAt = performance.now();
    const batch = [];
    for (let seq = start; seq < Math.min(n, start + BATCH); seq += 1) {
      batch.push({ key: `k${seq % KEYS}`, value: payload(phase, seq, sentAt) });
    }
    await send(batch);
  }
  await arrivals.all;
};

const suffix = (): string => randomBytes(4).toString('hex');

/** Ours through the Bus port, for any adapter. */
const runOurs = async (bus: Bus, label: string, n: number, topic: string): Promise<Measurement> => {
  let sink: Arrivals | undefined;
  const subscription = await bus.subscribe({
    groupId: `${topic}.group`,
    topics: [topic],
    fromBeginning: true,
    handler: async (message) => sink?.take(message.value as BenchPayload),
  });
  try {
    const send = (batch: readonly { key: string; value: BenchPayload }[]) =>
      bus.publish(batch.map((m): OutgoingMessage => ({ topic, key: m.key, value: m.value })));
    const setSink = (arrivals: Arrivals): void => {
      sink = arrivals;
    };
    await publishAndAwait(BATCH, 'warmup', setSink, send);
    return await measure(label, n, (rec) => publishAndAwait(n, 'run', setSink, send, rec));
  } finally {
    await subscription.close();
  }
};

/** Whether a broker answers at all (one quick try, no retries, no log). */
const brokerReachable = async (brokers: string[]): Promise<string | undefined> => {
  const admin = new Kafka({
    clientId: 'parley-bench-probe',
    brokers,
    connectionTimeout: 2_000,
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return undefined;
  } catch (error) {
    return reasonOf(error);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
};

const kafkaBaseline = async (brokers: string[], n: number, topic: string): Promise<Measurement> => {
  const kafka = new Kafka({
    clientId: 'parley-bench-baseline',
    brokers,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 100, retries: 8 },
  });
  const admin = kafka.admin();
  const producer: Producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  // The fetch and group timings the bus uses, so both wait on the broker alike.
  const consumer: Consumer = kafka.consumer({
    groupId: `${topic}.group`,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    maxWaitTimeInMs: 500,
  });
  try {
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
    });
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let sink: Arrivals | undefined;
    const joined = new Promise<void>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
    });
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachMessage: async ({ message }) => {
        sink?.take(JSON.parse(message.value?.toString('utf8') ?? 'null') as BenchPayload);
      },
    });
    await joined;
    const send = async (batch: readonly { key: string; value: BenchPayload }[]) => {
      await producer.send({
        topic,
        acks: -1,
        messages: batch.map((m) => ({ key: m.key, value: JSON.stringify(m.value) })),
      });
    };
    const setSink = (arrivals: Arrivals): void => {
      sink = arrivals;
    };
    await publishAndAwait(BATCH, 'warmup', setSink, send);
    return await measure('kafkajs producer.send + consumer.run', n, (rec) =>
      publishAndAwait(n, 'run', setSink, send, rec),
    );
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
};

/** Topics may stay, but the benchmark's own are removed when the broker allows it. */
const deleteTopics = async (brokers: string[], topics: string[]): Promise<void> => {
  const admin = new Kafka({
    clientId: 'parley-bench-cleanup',
    brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const ours = topics.filter((t) => existing.has(t));
    if (ours.length > 0) await admin.deleteTopics({ topics: ours, timeout: 10_000 });
  } catch {
    // Left behind: harmless, every run uses new names.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
};

const kafka = async (brokers: string[], n: number): Promise<Comparison> => {
  progress(`bus on Kafka (${brokers.join(',')}): ${n} messages in batches of ${BATCH}`);
  const id = suffix();
  const baseTopic = `parley-bench.baseline.${id}`;
  const oursTopic = `parley-bench.ours.${id}`;
  try {
    const baseline = await kafkaBaseline(brokers, n, baseTopic);
    const bus = createKafkaBus({ brokers, clientId: 'parley-bench-ours' });
    let ours: Measurement;
    try {
      ours = await runOurs(bus, 'createKafkaBus publish + subscribe', n, oursTopic);
    } finally {
      await bus.close();
    }
    return {
      title: 'bus-publish / Kafka',
      work: `${n} messages in batches of ${BATCH}, ${KEYS} keys, 3 partitions, until the last arrives`,
      ours,
      baseline,
    };
  } finally {
    await deleteTopics(brokers, [baseTopic, oursTopic, deadLetterTopic(oursTopic)]);
  }
};

/**
 * Baseline of the in-process bus: an array as the queue, messages serialised on push and parsed
 * on take as the bus does (it keeps JSON, like Kafka), one consumer loop awaiting its handler.
 * Taking reads at a head index instead of calling shift(): V8's shift() copies the whole array
 * once it outgrows ~16k elements (it can no longer trim it in place), which would make the
 * baseline quadratic at 20,000 queued messages and the ratio meaningless.
 */
const arrayBaseline = async (n: number): Promise<Measurement> => {
  const queue: { key: string; json: string }[] = [];
  let head = 0;
  const take = (): { key: string; json: string } | undefined => {
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
      return undefined;
    }
    const next = queue[head];
    head += 1;
    return next;
  };
  let wake: (() => void) | undefined;
  let sink: Arrivals | undefined;
  let stopped = false;
  const handler = async (value: BenchPayload): Promise<void> => sink?.take(value);
  const consumer = (async () => {
    while (!stopped) {
      const next = take();
      if (next) {
        await handler(JSON.parse(next.json) as BenchPayload);
      } else {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }
  })();
  const send = async (batch: readonly { key: string; value: BenchPayload }[]) => {
    for (const m of batch) queue.push({ key: m.key, json: JSON.stringify(m.value) });
    const w = wake;
    wake = undefined;
    w?.();
  };
  const setSink = (arrivals: Arrivals): void => {
    sink = arrivals;
  };
  try {
    await publishAndAwait(BATCH, 'warmup', setSink, send);
    return await measure('array queue: push, take at head, loop', n, (rec) =>
      publishAndAwait(n, 'run', setSink, send, rec),
    );
  } finally {
    stopped = true;
    wake?.();
    await consumer;
  }
};

const inProcess = async (n: number): Promise<Comparison> => {
  progress(`bus in process: ${n} messages in batches of ${BATCH}`);
  const baseline = await arrayBaseline(n);
  const bus = createInProcessBus();
  let ours: Measurement;
  try {
    ours = await runOurs(bus, 'createInProcessBus publish + subscribe', n, 'bench.in-process');
  } finally {
    await bus.close();
  }
  return {
    title: 'bus-publish / in process',
    work: `${n} messages in batches of ${BATCH}, ${KEYS} keys, until the last arrives`,
    ours,
    baseline,
  };
};

export const busPublish = async ({ quick }: BenchOptions): Promise<BenchOutcome> => {
  const comparisons: Comparison[] = [];
  const skipped: string[] = [];
  const brokers = testKafkaBrokers();
  const unreachable = await brokerReachable(brokers);
  if (unreachable) {
    skipped.push(
      `bus-publish / Kafka: no broker at ${brokers.join(',')} (${unreachable}); ` +
        'start one with `bash infra/kafka/kafka.sh up`',
    );
  } else {
    comparisons.push(await kafka(brokers, quick ? 1000 : 5000));
  }
  comparisons.push(await inProcess(quick ? 5000 : 20_000));
  return { comparisons, skipped };
};
