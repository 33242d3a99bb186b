import { randomBytes } from 'node:crypto';
import { DEAD_LETTER_HEADERS } from '@parley/contracts';
import { type Admin, Kafka, logLevel, type Producer } from 'kafkajs';
import { stderrLogCreator } from './kafka-log';
import { decodeHeaders } from './kafka-message-codec';

/** One poison message as the dead-letter topic keeps it, with why it got there. */
export interface DeadLetter {
  readonly ref: DeadLetterRef;
  readonly originalTopic: string;
  readonly key: string;
  /** The message's value as it was published (JSON text, or what came if it was not JSON). */
  readonly value: string;
  readonly error: string;
  readonly attempts: number;
  readonly groupId: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Where a dead letter sits: `topic:partition:offset` on the command line. */
export interface DeadLetterRef {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export const formatDeadLetterRef = (ref: DeadLetterRef): string =>
  `${ref.topic}:${ref.partition}:${ref.offset}`;

export const parseDeadLetterRef = (text: string): DeadLetterRef => {
  const match = /^([A-Za-z0-9._-]+\.dead-letter):(\d+):(\d+)$/.exec(text);
  if (!match) {
    throw new Error(
      `"${text}" is not a dead letter: expected <topic>.dead-letter:<partition>:<offset>`,
    );
  }
  return { topic: match[1], partition: Number(match[2]), offset: match[3] };
};

export const isDeadLetterTopic = (topic: string): boolean => topic.endsWith('.dead-letter');

/** Headers the dead-letter topic added; a replay sends the message without them. */
const DEAD_LETTER_HEADER_NAMES = new Set<string>(Object.values(DEAD_LETTER_HEADERS));

/** Header a replayed message carries: the dead letter it came from. */
export const REPLAYED_FROM_HEADER = 'parley-replayed-from';

export interface KafkaDeadLettersOptions {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /** How long `list` waits to read the dead-letter topics to their end. Default 60 s. */
  readonly readTimeoutMs?: number;
}

/**
 * The dead-letter topics of a Kafka cluster (`<topic>.dead-letter`): how many letters they
 * hold, what each is, and replaying chosen ones to the topic they came from. Kafka keeps a
 * replayed letter where it was (topics are logs), so a count is of letters ever dead-lettered
 * within retention; consumers drop a second replay of one event by its event id.
 */
export class KafkaDeadLetters {
  private readonly kafka: Kafka;
  private readonly admin: Admin;
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(private readonly options: KafkaDeadLettersOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'parley-dead-letters',
      brokers: [...options.brokers],
      logLevel: logLevel.ERROR,
      logCreator: stderrLogCreator,
    });
    this.admin = this.kafka.admin();
    this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
  }

  /** The dead-letter topics that exist. */
  async topics(): Promise<string[]> {
    await this.connect();
    return (await this.admin.listTopics()).filter(isDeadLetterTopic).sort();
  }

  /** Letters held, over all dead-letter topics (or the ones given). */
  async count(topics?: readonly string[]): Promise<number> {
    let total = 0;
    for (const end of (await this.partitionEnds(topics)).values()) total += end.held;
    return total;
  }

  /** Every letter held, oldest first per partition (or of the topics given). */
  async list(topics?: readonly string[]): Promise<DeadLetter[]> {
    const ends = await this.partitionEnds(topics);
    const pending = new Set([...ends].filter(([, end]) => end.held > 0).map(([key]) => key));
    if (pending.size === 0) return [];
    const groupId = `parley-dead-letters-${randomBytes(6).toString('hex')}`;
    const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false });
    const letters: DeadLetter[] = [];
    try {
      await consumer.connect();
      await consumer.subscribe({
        topics: [...new Set([...pending].map((key) => key.slice(0, key.lastIndexOf(':'))))],
        fromBeginning: true,
      });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('reading the dead-letter topics timed out')),
          this.options.readTimeoutMs ?? 60_000,
        );
        consumer
          .run({
            eachMessage: async ({ topic, partition, message }) => {
              const key = `${topic}:${partition}`;
              const end = ends.get(key);
              if (!end || BigInt(message.offset) >= end.high) return;
              letters.push(toDeadLetter({ topic, partition, offset: message.offset }, message));
              if (BigInt(message.offset) + 1n >= end.high) pending.delete(key);
              if (pending.size === 0) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch((error: unknown) => {
            clearTimeout(timer);
            reject(error);
          });
      });
    } finally {
      await consumer.disconnect().catch(() => undefined);
      await this.admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return letters.sort(
      (a, b) =>
        a.ref.topic.localeCompare(b.ref.topic) ||
        a.ref.partition - b.ref.partition ||
        Number(BigInt(a.ref.offset) - BigInt(b.ref.offset)),
    );
  }

  /** Send a letter back to the topic it came from, as it was first published. */
  async replay(ref: DeadLetterRef): Promise<DeadLetter> {
    const letter = (await this.list([ref.topic])).find(
      (l) => l.ref.partition === ref.partition && l.ref.offset === ref.offset,
    );
    if (!letter) throw new Error(`no dead letter at ${formatDeadLetterRef(ref)}`);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(letter.headers)) {
      if (!DEAD_LETTER_HEADER_NAMES.has(name)) headers[name] = value;
    }
    headers[REPLAYED_FROM_HEADER] = formatDeadLetterRef(ref);
    await this.producer.send({
      topic: letter.originalTopic,
      messages: [{ key: letter.key, value: letter.value, headers }],
    });
    return letter;
  }

  async close(): Promise<void> {
    if (!this.connected) return;
    await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
  }

  private connect(): Promise<void> {
    this.connected ??= Promise.all([this.admin.connect(), this.producer.connect()]).then(
      () => undefined,
    );
    return this.connected;
  }

  /** Per `topic:partition`: the next offset to be written and how many letters are held. */
  private async partitionEnds(
    topics?: readonly string[],
  ): Promise<Map<string, { high: bigint; held: number }>> {
    const existing = await this.topics();
    const names = topics ? topics.filter((t) => existing.includes(t)) : existing;
    const ends = new Map<string, { high: bigint; held: number }>();
    for (const topic of names) {
      for (const p of await this.admin.fetchTopicOffsets(topic)) {
        const high = BigInt(p.high);
        ends.set(`${topic}:${p.partition}`, { high, held: Number(high - BigInt(p.low)) });
      }
    }
    return ends;
  }
}

const toDeadLetter = (
  ref: DeadLetterRef,
  message: {
    key: Buffer | null;
    value: Buffer | null;
    headers?: Parameters<typeof decodeHeaders>[0];
  },
): DeadLetter => {
  const headers = decodeHeaders(message.headers);
  return {
    ref,
    originalTopic:
      headers[DEAD_LETTER_HEADERS.originalTopic] ?? ref.topic.replace(/\.dead-letter$/, ''),
    key: message.key?.toString('utf8') ?? '',
    value: message.value?.toString('utf8') ?? 'null',
    error: headers[DEAD_LETTER_HEADERS.error] ?? 'unknown',
    attempts: Number(headers[DEAD_LETTER_HEADERS.attempts] ?? 0),
    groupId: headers[DEAD_LETTER_HEADERS.groupId] ?? 'unknown',
    headers,
  };
};
