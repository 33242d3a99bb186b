/** Every slot is taken and the queue is full: the caller should answer "busy, try again". */
export class HashingBusy extends Error {
  constructor() {
    super('password hashing is at capacity');
    this.name = 'HashingBusy';
  }
}

/**
 * A counting semaphore with a bounded queue, for password hashing: at most `concurrency` hashes
 * run at once (each holds a libuv threadpool thread and 16 MiB for about half a second), at most
 * `queueLimit` wait, in arrival order; beyond that `run` rejects at once with HashingBusy. So a
 * flood of sign-ins cannot take the threadpool that file, DNS and crypto calls share, nor grow
 * an unbounded line of waiting requests.
 */
export class HashingSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly queueLimit: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new RangeError('concurrency must be a positive integer');
    if (!Number.isInteger(queueLimit) || queueLimit < 0)
      throw new RangeError('queueLimit must be a non-negative integer');
  }

  /** How many run and how many wait, now. */
  get load(): { readonly running: number; readonly waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.queueLimit) return Promise.reject(new HashingBusy());
    // The slot passes straight to the next waiter: `running` stays as it is.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
