/** A message to publish. `key` is the aggregate id: one key's messages keep their order. */
export interface OutgoingMessage {
  readonly topic: string;
  readonly key: string;
  /** JSON-serialisable payload (an event or command envelope). */
  readonly value: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface DeliveredMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly partition: number;
  readonly offset: string;
  /** 1 on first delivery to the handler, 2 on its first retry, ... */
  readonly attempt: number;
}

export type MessageHandler = (message: DeliveredMessage) => Promise<void>;

export interface SubscribeOptions {
  /** Consumers sharing a group share the work; each group gets every message. */
  readonly groupId: string;
  readonly topics: readonly string[];
  /** For a group that has no position yet: start at the oldest message (true) or now (false). */
  readonly fromBeginning: boolean;
  /** Handler attempts per message before it goes to the dead-letter topic. Default 5. */
  readonly maxAttempts?: number;
  /** Delay before retry n is retryBackoffMs * 2^(n-1), capped at 5 s. Default 100. */
  readonly retryBackoffMs?: number;
  readonly handler: MessageHandler;
}

export interface BusSubscription {
  /** Stop consuming; a message in hand is finished first. */
  close(): Promise<void>;
}

/**
 * The bus port (docs/architecture.md, Events): at-least-once delivery, per-key order within a group,
 * bounded retries, then the dead-letter topic `deadLetterTopic(topic)` carrying the error.
 * `subscribe` resolves once the subscription is live: a message published after that is delivered.
 */
export interface Bus {
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<BusSubscription>;
  close(): Promise<void>;
}
