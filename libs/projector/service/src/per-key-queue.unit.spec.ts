import { PerKeyQueue } from './per-key-queue';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('PerKeyQueue', () => {
  it('given two tasks of one key, then the second starts only after the first ended, even when it failed', async () => {
    const queue = new PerKeyQueue();
    const log: string[] = [];
    let finishFirst: () => void = () => undefined;
    const first = queue.run('conv-1', async () => {
      log.push('first started');
      await new Promise<void>((resolve) => (finishFirst = resolve));
      log.push('first ended');
      throw new Error('first failed');
    });
    const second = queue.run('conv-1', async () => {
      log.push('second started');
      return 2;
    });
    await tick();
    expect(log).toEqual(['first started']);
    finishFirst();
    await expect(first).rejects.toThrow('first failed');
    await expect(second).resolves.toBe(2);
    expect(log).toEqual(['first started', 'first ended', 'second started']);
  });

  it('given tasks of different keys, then they run side by side', async () => {
    const queue = new PerKeyQueue();
    const started: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const a = queue.run('conv-a', async () => {
      started.push('a');
      await held;
    });
    const b = queue.run('conv-b', async () => {
      started.push('b');
    });
    await b;
    expect(started).toEqual(['a', 'b']);
    release();
    await a;
  });

  it('given every task ended, then no key is kept', async () => {
    const queue = new PerKeyQueue();
    await Promise.all([1, 2, 3].map((n) => queue.run(`conv-${n % 2}`, async () => n)));
    await tick();
    expect(queue.size).toBe(0);
  });
});
