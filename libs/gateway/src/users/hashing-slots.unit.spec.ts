import { HashingBusy, HashingSlots } from './hashing-slots';

const deferred = (): {
  promise: Promise<void>;
  resolve: () => void;
  reject: (e: Error) => void;
} => {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('HashingSlots: bounded password hashing', () => {
  it('given two slots, when five hashes arrive, then at most two run at once and the rest start in arrival order', async () => {
    const slots = new HashingSlots(2, 10);
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    let peak = 0;
    const runs = gates.map((gate, i) =>
      slots.run(async () => {
        started.push(i);
        peak = Math.max(peak, slots.load.running);
        await gate.promise;
        return i;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    expect(slots.load).toEqual({ running: 2, waiting: 3 });

    gates[1]!.resolve();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();

    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it('given every slot taken and a full queue, when one more arrives, then it is refused at once with HashingBusy', async () => {
    const slots = new HashingSlots(1, 1);
    const gate = deferred();
    const running = slots.run(() => gate.promise);
    const queued = slots.run(async () => 'queued');

    await expect(slots.run(async () => 'refused')).rejects.toBeInstanceOf(HashingBusy);

    gate.resolve();
    await running;
    expect(await queued).toBe('queued');
  });

  it('given a hash that fails, then its slot is released for the next one', async () => {
    const slots = new HashingSlots(1, 5);
    const failing = slots.run(async () => {
      throw new Error('scrypt failed');
    });
    const next = slots.run(async () => 'next');

    await expect(failing).rejects.toThrow('scrypt failed');
    expect(await next).toBe('next');
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it('given nonsense sizes, then the constructor refuses them', () => {
    expect(() => new HashingSlots(0, 1)).toThrow(RangeError);
    expect(() => new HashingSlots(1, -1)).toThrow(RangeError);
  });
});
