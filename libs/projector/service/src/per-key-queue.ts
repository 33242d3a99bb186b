/**
 * Runs tasks one at a time per key, in the order they were given, and tasks of different keys
 * side by side. The projector serialises each conversation's read-model writes with it: the bus
 * hands it a contact's and a deal's events (different keys, maybe different partitions or
 * topics) at the same time, and FerretDB, unlike MongoDB, updates a document by reading and
 * rewriting it, so two concurrent updates of one card could lose one of them.
 */
export class PerKeyQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task queued or running (for tests). */
  get size(): number {
    return this.tails.size;
  }
}
