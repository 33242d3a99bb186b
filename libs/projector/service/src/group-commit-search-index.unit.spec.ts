import type { SearchHit } from '@parley/contracts';
import type { SearchOperation } from '@parley/projections';
import type { SearchIndex } from '@parley/search';
import { GroupCommitSearchIndex } from './group-commit-search-index';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** One `conversation-activity` operation, told apart by its conversation. */
const op = (conversationId: string): SearchOperation => ({
  kind: 'conversation-activity',
  workspaceId: 'ws-1',
  conversationId,
  at: '2026-12-03T09:00:00.000Z',
});

/**
 * A search index that records each `apply` (the conversations of the operations it was given) and holds it until the
 * test finishes it, with success or with an error.
 */
class RecordingIndex implements SearchIndex {
  readonly applied: string[][] = [];
  private readonly finishers: ((error?: Error) => void)[] = [];
  closed = false;

  apply(operations: readonly SearchOperation[]): Promise<void> {
    this.applied.push(operations.map((o) => o.conversationId));
    return new Promise((resolve, reject) =>
      this.finishers.push((error) => (error ? reject(error) : resolve())),
    );
  }

  /** Finish the oldest unfinished apply. */
  finish(error?: Error): void {
    const finisher = this.finishers.shift();
    if (!finisher) throw new Error('no apply in flight');
    finisher(error);
  }

  get unfinished(): number {
    return this.finishers.length;
  }

  search(): Promise<SearchHit[]> {
    return Promise.resolve([]);
  }
  caughtUpThrough(): Promise<string | null> {
    return Promise.resolve('42');
  }
  markCaughtUp(): Promise<void> {
    return Promise.resolve();
  }
  check(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

/** Where a promise stands, without waiting for it. */
const stateOf = async (promise: Promise<unknown>): Promise<'pending' | 'resolved' | 'rejected'> => {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await tick();
  return state;
};

describe('GroupCommitSearchIndex', () => {
  it('given nothing in flight, when one apply comes, then it is written at once, alone', async () => {
    const inner = new RecordingIndex();
    const index = new GroupCommitSearchIndex(inner);

    const written = index.apply([op('1'), op('2')]);
    await tick();

    expect(inner.applied).toEqual([['1', '2']]);
    inner.finish();
    await expect(written).resolves.toBeUndefined();
  });

  it('given a write in flight, when three more applies come, then they wait and go as one apply in call order', async () => {
    const inner = new RecordingIndex();
    const index = new GroupCommitSearchIndex(inner);

    const first = index.apply([op('1')]);
    const second = index.apply([op('2'), op('3')]);
    const third = index.apply([op('4')]);
    const fourth = index.apply([op('5')]);
    await tick();
    expect(inner.applied).toEqual([['1']]);
    expect(await stateOf(second)).toBe('pending');

    inner.finish();
    await first;
    await tick();
    expect(inner.applied).toEqual([['1'], ['2', '3', '4', '5']]);
    expect(await stateOf(second)).toBe('pending');

    inner.finish();
    await expect(Promise.all([second, third, fourth])).resolves.toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('given a batch whose write fails, then every caller of that batch fails with its error and no other does', async () => {
    const inner = new RecordingIndex();
    const index = new GroupCommitSearchIndex(inner);

    const first = index.apply([op('1')]);
    const second = index.apply([op('2')]);
    const third = index.apply([op('3')]);
    inner.finish();
    await first;
    await tick();
    const after = index.apply([op('4')]);
    inner.finish(new Error('connection lost'));

    await expect(second).rejects.toThrow('connection lost');
    await expect(third).rejects.toThrow('connection lost');
    await tick();
    expect(inner.applied).toEqual([['1'], ['2', '3'], ['4']]);
    inner.finish();
    await expect(after).resolves.toBeUndefined();
  });

  it('given the first write fails, then the batch gathered behind it is still written', async () => {
    const inner = new RecordingIndex();
    const index = new GroupCommitSearchIndex(inner);

    const first = index.apply([op('1')]);
    const second = index.apply([op('2')]);
    inner.finish(new Error('deadlock'));

    await expect(first).rejects.toThrow('deadlock');
    await tick();
    expect(inner.applied).toEqual([['1'], ['2']]);
    inner.finish();
    await expect(second).resolves.toBeUndefined();
  });

  it('given an index whose apply throws before it returns a promise, then the caller gets a rejection, and the next write goes', async () => {
    const inner = new RecordingIndex();
    const throwing: SearchIndex = Object.assign(Object.create(inner) as SearchIndex, {
      apply: (operations: readonly SearchOperation[]) => {
        if (operations[0]?.conversationId === 'bad') throw new Error('bad operation');
        return inner.apply(operations);
      },
    });
    const index = new GroupCommitSearchIndex(throwing);

    await expect(index.apply([op('bad')])).rejects.toThrow('bad operation');
    const next = index.apply([op('1')]);
    await tick();
    inner.finish();
    await expect(next).resolves.toBeUndefined();
    expect(inner.applied).toEqual([['1']]);
  });

  it('given an empty apply, then nothing is written and it waits for nothing', async () => {
    const inner = new RecordingIndex();
    const index = new GroupCommitSearchIndex(inner);

    void index.apply([op('1')]);
    await expect(index.apply([])).resolves.toBeUndefined();
    expect(inner.applied).toEqual([['1']]);
    inner.finish();
  });

  it('given writes in flight and waiting, when closed, then the inner index closes only after both were written', async () => {
    const inner = new RecordingIndex();
    const index = new GroupCommitSearchIndex(inner);
    const first = index.apply([op('1')]);
    const second = index.apply([op('2')]);

    const closed = index.close();
    await tick();
    expect(inner.closed).toBe(false);
    inner.finish();
    await first;
    await tick();
    expect(inner.closed).toBe(false);
    inner.finish();
    await second;
    await closed;
    expect(inner.closed).toBe(true);
    expect(inner.unfinished).toBe(0);
  });

  it('passes reads through to the index', async () => {
    const index = new GroupCommitSearchIndex(new RecordingIndex());
    await expect(index.caughtUpThrough()).resolves.toBe('42');
    await expect(index.search('ws-1', 'anna', 5)).resolves.toEqual([]);
  });
});
