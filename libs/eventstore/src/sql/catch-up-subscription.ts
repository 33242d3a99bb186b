import type { AllSubscription, RecordedEvent } from '../event-store.port';
import type { WakeSignal } from './wake-signal';

export interface CatchUpOptions {
  /** Deliver events strictly after this position. */
  readonly after: bigint | undefined;
  /** Read the next page of events strictly after `after` (global order). */
  readonly readPage: (after: bigint | undefined, maxCount: number) => Promise<RecordedEvent[]>;
  readonly wake: WakeSignal;
  readonly pollIntervalMs: number;
  readonly pageSize: number;
  /**
   * After a wake-up, wait this long before reading, so the appends of a burst are read in one
   * page rather than one read each (0: read at once).
   */
  readonly gatherMs?: number;
  /** Called once when the subscription ends, however it ends. */
  readonly onClosed: (subscription: CatchUpSubscription) => void;
}

/**
 * Catch-up then live, by reading pages after the last delivered position. It never skips an
 * event because the SQL store makes positions visible in order (see SqlEventStore.append).
 * Between empty reads it sleeps until a wake-up or the polling interval: no busy loop.
 */
export class CatchUpSubscription implements AllSubscription {
  private readonly abort = new AbortController();
  private inFlight: Promise<unknown> = Promise.resolve();
  private iterator: AsyncGenerator<RecordedEvent> | undefined;

  constructor(private readonly options: CatchUpOptions) {}

  get closed(): boolean {
    return this.abort.signal.aborted;
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    this.iterator ??= this.run();
    return this.iterator;
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.abort.abort();
      this.options.onClosed(this);
    }
    // Let a read that is under way finish before the caller closes the connections.
    await this.inFlight.catch(() => undefined);
  }

  private pause(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.abort.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.abort.signal.addEventListener('abort', done, { once: true });
    });
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    const { readPage, wake, pollIntervalMs, pageSize } = this.options;
    let checkpoint = this.options.after;
    try {
      while (!this.closed) {
        const seen = wake.current;
        const reading = readPage(checkpoint, pageSize);
        this.inFlight = reading;
        const page = await reading;
        for (const event of page) {
          if (this.closed) return;
          checkpoint = event.position;
          yield event;
        }
        if (page.length < pageSize) {
          await wake.wait(seen, pollIntervalMs, this.abort.signal);
          if (this.options.gatherMs) await this.pause(this.options.gatherMs);
        }
      }
    } finally {
      // Reached by close(), by the consumer leaving its `for await`, or by a read error.
      if (!this.closed) {
        this.abort.abort();
        this.options.onClosed(this);
      }
    }
  }
}
