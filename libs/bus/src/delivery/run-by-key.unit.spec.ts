import { runByKey } from './run-by-key';

interface Item {
  readonly key: string;
  readonly n: number;
}

const items = (spec: string): Item[] => spec.split(' ').map((part, n) => ({ key: part, n }));

/** A handler whose calls finish only when the test lets them, in any order. */
const controlledHandler = () => {
  const started: number[] = [];
  const release = new Map<number, { ok: () => void; fail: (e: Error) => void }>();
  const handle = (item: Item) =>
    new Promise<void>((resolve, reject) => {
      started.push(item.n);
      release.set(item.n, { ok: resolve, fail: reject });
    });
  return { started, release, handle };
};

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('runByKey', () => {
  it('given one key held up, then the other keys go on and the held key keeps its order', async () => {
    const { started, release, handle } = controlledHandler();
    const batch = items('a b a c');
    const doneUpTo: number[] = [];
    const running = runByKey(batch, (i) => i.key, handle, {
      concurrency: 8,
      onDoneUpTo: (index) => doneUpTo.push(index),
    });
    await settle();
    // a's second item waits for its first; b and c started beside it.
    expect(started.sort()).toEqual([0, 1, 3]);

    release.get(1)!.ok();
    release.get(3)!.ok();
    await settle();
    expect(doneUpTo).toEqual([]); // item 0 (a) still in flight: nothing may be committed yet

    release.get(0)!.ok();
    await settle();
    expect(started).toContain(2);
    expect(doneUpTo).toEqual([1]);

    release.get(2)!.ok();
    await running;
    expect(doneUpTo).toEqual([1, 3]);
  });

  it('given a concurrency of 1, then items run one at a time in their order', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    await runByKey(
      items('a b c b a'),
      (i) => i.key,
      async (i) => {
        inFlight++;
        expect(inFlight).toBe(1);
        await settle();
        seen.push(i.n);
        inFlight--;
      },
      { concurrency: 1 },
    );
    // Lane by lane: a's items, then b's, then c's.
    expect(seen).toEqual([0, 4, 1, 3, 2]);
  });

  it('given a failing item, then its key stops, no new item starts, and the failure is thrown after the others settle', async () => {
    const { started, release, handle } = controlledHandler();
    const doneUpTo: number[] = [];
    const running = runByKey(items('a b a b'), (i) => i.key, handle, {
      concurrency: 2,
      onDoneUpTo: (index) => doneUpTo.push(index),
    });
    await settle();
    release.get(0)!.fail(new Error('a broke'));
    await settle();
    release.get(1)!.ok();
    await expect(running).rejects.toThrow('a broke');
    expect(started.sort()).toEqual([0, 1]); // neither a's nor b's next item started
    expect(doneUpTo).toEqual([]); // item 0 failed: nothing committable before it
  });

  it('given shouldStop turns true, then no further item starts', async () => {
    let stop = false;
    const seen: number[] = [];
    await runByKey(
      items('a a a'),
      (i) => i.key,
      async (i) => {
        seen.push(i.n);
        stop = true;
      },
      { concurrency: 4, shouldStop: () => stop },
    );
    expect(seen).toEqual([0]);
  });
});
