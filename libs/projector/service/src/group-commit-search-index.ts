import type { SearchHit } from '@parley/contracts';
import type { SearchOperation } from '@parley/projections';
import type { SearchIndex } from '@parley/search';

/** The callers gathered while a write is in flight: one `apply` of all their operations. */
interface Batch {
  readonly operations: SearchOperation[];
  readonly settled: Promise<void>;
  settle(outcome: Promise<void>): void;
}

const newBatch = (): Batch => {
  let settle: (outcome: Promise<void>) => void = () => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  return { operations: [], settled, settle };
};

/**
 * Group commit for the search read model (issue 8): the projector writes search in each
 * conversation's turn, one write per event, and with several conversations in flight those
 * writes queue for the database one behind the other. Here, `apply` calls made while an earlier
 * write is in flight wait for it and then go as ONE `apply` of all their operations, in call
 * order; each caller's promise settles with its batch's outcome, so a failure fails every event
 * of the batch and the bus retries each (applying is idempotent by position). No timer: a call
 * with nothing in flight is written at once, so at low load nothing waits.
 */
export class GroupCommitSearchIndex implements SearchIndex {
  /** The write in flight, settled either way; null when none is. */
  private inFlight: Promise<void> | null = null;
  /** Calls made while `inFlight` runs: written together once it ends. */
  private next: Batch | null = null;

  constructor(private readonly index: SearchIndex) {}

  apply(operations: readonly SearchOperation[]): Promise<void> {
    if (operations.length === 0) return Promise.resolve();
    if (!this.inFlight) return this.write([...operations]);
    this.next ??= newBatch();
    this.next.operations.push(...operations);
    return this.next.settled;
  }

  private write(operations: SearchOperation[]): Promise<void> {
    const outcome = (async () => this.index.apply(operations))();
    this.inFlight = outcome.then(
      () => this.writeNext(),
      () => this.writeNext(),
    );
    return outcome;
  }

  private writeNext(): void {
    const batch = this.next;
    this.next = null;
    this.inFlight = null;
    if (batch) batch.settle(this.write(batch.operations));
  }

  search(workspaceId: string, query: string, limit: number): Promise<SearchHit[]> {
    return this.index.search(workspaceId, query, limit);
  }

  caughtUpThrough(): Promise<string | null> {
    return this.index.caughtUpThrough();
  }

  markCaughtUp(position: string): Promise<void> {
    return this.index.markCaughtUp(position);
  }

  check(): Promise<void> {
    return this.index.check();
  }

  /** Close once the writes already asked for are done (their callers learn how they went). */
  async close(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    await this.index.close();
  }
}
