import { OrderedIndex } from './ordered-index';

/** Enough entries to split the index's chunks several times, inserted and removed out of order. */
const COUNT = 5_000;

const shuffled = <T>(items: readonly T[], seed: number): T[] => {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

const chat = (n: number) => ({ _id: `c${n}`, workspaceId: `w${n % 3}`, at: n % 97 });

describe('ordered index', () => {
  it('given thousands of entries put, moved and removed out of order, when walked, then they are in key order both ways', () => {
    const index = new OrderedIndex({ keys: { workspaceId: 1, at: -1 } });
    const numbers = Array.from({ length: COUNT }, (_, n) => n);
    const seqs = new Map<number, number>();
    shuffled(numbers, 1).forEach((n, seq) => {
      seqs.set(n, seq);
      index.put(chat(n), seq);
    });
    const removed = new Set(shuffled(numbers, 2).slice(0, COUNT / 2));
    for (const n of removed) index.remove(`c${n}`);
    // Move some of the rest: a new key, same insertion number.
    const moved = shuffled(numbers, 3)
      .filter((n) => !removed.has(n))
      .slice(0, 500);
    for (const n of moved) index.put({ ...chat(n), at: (n + 50) % 97 }, seqs.get(n) as number);
    const atOf = (n: number): number => (moved.includes(n) ? (n + 50) % 97 : n % 97);
    const kept = numbers.filter((n) => !removed.has(n));
    const expected = [...kept]
      .sort(
        (a, b) => (a % 3) - (b % 3) || atOf(b) - atOf(a) || (seqs.get(a) ?? 0) - (seqs.get(b) ?? 0),
      )
      .map((n) => `c${n}`);

    const forward = [...index.entriesBetween(0, index.size)].map((entry) => entry.id);
    const backward = [...index.entriesBetween(0, index.size, -1)].map((entry) => entry.id);
    expect(index.size).toBe(kept.length);
    expect(forward).toEqual(expected);
    expect(backward).toEqual([...expected].reverse());

    const [start, end] = index.range(['w1']);
    const inW1 = [...index.entriesBetween(start, end)].map((entry) => entry.id);
    expect(inW1).toEqual(expected.filter((id) => Number(id.slice(1)) % 3 === 1));
    const [from, to] = index.range(['w2', 7]);
    expect([...index.entriesBetween(from, to)].map((entry) => entry.id)).toEqual(
      expected.filter((id) => Number(id.slice(1)) % 3 === 2 && atOf(Number(id.slice(1))) === 7),
    );
  });

  it('given a key held by one document, when another asks who holds it, then that document is named', () => {
    const index = new OrderedIndex({ keys: { phone: 1 }, unique: true });
    index.put({ _id: 'a', phone: '1' }, 0);
    expect(index.holderOf(['1'], 'b')).toBe('a');
    expect(index.holderOf(['1'], 'a')).toBeUndefined();
    expect(index.holderOf([null], 'b')).toBeUndefined();
  });

  it('given no entries, when a range is asked, then it is empty', () => {
    const index = new OrderedIndex({ keys: { workspaceId: 1 } });
    expect(index.range(['w1'])).toEqual([0, 0]);
    expect([...index.entriesBetween(0, 0)]).toEqual([]);
  });
});
