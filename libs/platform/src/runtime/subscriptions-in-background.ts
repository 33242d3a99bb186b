import type { Bus, BusSubscription, OutgoingMessage, SubscribeOptions } from '@parley/bus';

/** A subscription that is not consuming yet, and why. */
export interface WaitingSubscription {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** The last attempt's error, or that none has finished yet. */
  readonly reason: string;
}

/** A bus whose subscriptions never fail: they are retried in the background until they are live. */
export interface BusWithSubscriptionsInBackground extends Bus {
  /** The subscriptions still retried, for the health line of the bus. */
  waiting(): readonly WaitingSubscription[];
}

export interface SubscriptionsInBackgroundOptions {
  /**
   * Whether the broker accepts connections now. While it does, `subscribe` waits for the first
   * attempt, so a subscription is live when it resolves (as the bus port says); while it does
   * not, `subscribe` resolves at once and the subscription starts when the broker is back.
   */
  readonly brokerReachable: () => Promise<boolean>;
  readonly log: (line: string) => void;
  /** Delay after the first failed attempt, doubled after each, at most `maxBackoffMs`. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

const describeError = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** One subscription, attempted until it is live or closed. */
class RetriedSubscription implements BusSubscription {
  private live: BusSubscription | undefined;
  private closed = false;
  private reason = 'no attempt has finished yet';
  private wake: () => void = () => undefined;
  private firstAttemptDone: () => void = () => undefined;
  /** Resolves once the first attempt succeeded or failed. */
  readonly firstAttempt = new Promise<void>((resolve) => (this.firstAttemptDone = resolve));

  constructor(
    private readonly bus: Bus,
    readonly options: SubscribeOptions,
    private readonly settings: Required<Omit<SubscriptionsInBackgroundOptions, 'brokerReachable'>>,
    private readonly onSettled: (subscription: RetriedSubscription) => void,
  ) {
    void this.run();
  }

  get waiting(): WaitingSubscription | undefined {
    if (this.live || this.closed) return undefined;
    return { groupId: this.options.groupId, topics: this.options.topics, reason: this.reason };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake();
    this.onSettled(this);
    const live = this.live;
    this.live = undefined;
    await live?.close();
  }

  private async run(): Promise<void> {
    const what = `group ${this.options.groupId} on ${this.options.topics.join(', ')}`;
    let backoff = this.settings.initialBackoffMs;
    for (let attempt = 1; !this.closed; attempt++) {
      try {
        const live = await this.bus.subscribe(this.options);
        if (this.closed) {
          await live.close();
        } else {
          this.live = live;
          if (attempt > 1) this.settings.log(`${what}: consuming (attempt ${attempt})`);
        }
        break;
      } catch (error) {
        if (this.closed) break;
        this.reason = describeError(error);
        this.settings.log(
          `${what}: cannot subscribe yet (attempt ${attempt}): ${this.reason}; ` +
            `retrying in ${backoff} ms`,
        );
        this.firstAttemptDone();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, backoff);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        backoff = Math.min(backoff * 2, this.settings.maxBackoffMs);
      }
    }
    this.firstAttemptDone();
    this.onSettled(this);
  }
}

class SubscriptionsInBackground implements BusWithSubscriptionsInBackground {
  private readonly retried = new Set<RetriedSubscription>();
  private readonly settings: Required<Omit<SubscriptionsInBackgroundOptions, 'brokerReachable'>>;

  constructor(
    private readonly bus: Bus,
    private readonly options: SubscriptionsInBackgroundOptions,
  ) {
    this.settings = {
      log: options.log,
      initialBackoffMs: options.initialBackoffMs ?? 1_000,
      maxBackoffMs: options.maxBackoffMs ?? 10_000,
    };
  }

  publish(messages: readonly OutgoingMessage[]): Promise<void> {
    return this.bus.publish(messages);
  }

  async subscribe(options: SubscribeOptions): Promise<BusSubscription> {
    const subscription = new RetriedSubscription(this.bus, options, this.settings, (s) =>
      this.retried.delete(s),
    );
    this.retried.add(subscription);
    if (await this.options.brokerReachable()) await subscription.firstAttempt;
    return subscription;
  }

  waiting(): readonly WaitingSubscription[] {
    return [...this.retried].flatMap((s) => (s.waiting ? [s.waiting] : []));
  }

  async close(): Promise<void> {
    await Promise.all([...this.retried].map((s) => s.close()));
    await this.bus.close();
  }
}

/**
 * The bus of a service process (docs/architecture.md, Faults): a subscription that cannot start
 * (Kafka down at boot) does not fail the boot; it is retried with backoff until the broker
 * answers, and meanwhile `waiting()` names it, so the process serves what needs only the event
 * store (the Telegram webhook) and its health says the bus is down. Publishing is unchanged.
 */
export const subscriptionsInBackground = (
  bus: Bus,
  options: SubscriptionsInBackgroundOptions,
): BusWithSubscriptionsInBackground => new SubscriptionsInBackground(bus, options);
