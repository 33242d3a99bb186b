import { WakeSignal } from './wake-signal';

describe('WakeSignal', () => {
  it('given a notify after the generation was read, when waiting, then it returns at once', async () => {
    const signal = new WakeSignal();
    const seen = signal.current;
    signal.notify();
    const started = Date.now();

    await signal.wait(seen, 10_000);

    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('given a waiter, when notified, then it wakes before its timeout', async () => {
    const signal = new WakeSignal();
    const waiting = signal.wait(signal.current, 10_000);

    signal.notify();

    await expect(waiting).resolves.toBeUndefined();
  });

  it('given no notify, when the poll interval passes, then the waiter wakes', async () => {
    const signal = new WakeSignal();
    const started = Date.now();

    await signal.wait(signal.current, 30);

    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('given a waiter, when its abort signal fires, then it wakes', async () => {
    const signal = new WakeSignal();
    const abort = new AbortController();
    const waiting = signal.wait(signal.current, 10_000, abort.signal);

    abort.abort();

    await expect(waiting).resolves.toBeUndefined();
  });
});
