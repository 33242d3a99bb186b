import { createInProcessBus } from '../index';
import { describeBusContract } from '../testing';

describeBusContract('in-process', () => createInProcessBus());

describe('in-process bus', () => {
  it('rejects a value JSON cannot carry, storing nothing of the batch', async () => {
    // Given a bus
    const bus = createInProcessBus();
    // When a batch holds a value that is not JSON-serialisable
    const publishing = bus.publish([
      { topic: 't', key: 'k', value: { ok: true } },
      { topic: 't', key: 'k', value: undefined },
    ]);
    // Then the publish fails
    await expect(publishing).rejects.toThrow('not JSON-serialisable');
    await bus.close();
  });

  it('refuses to publish after close', async () => {
    const bus = createInProcessBus();
    await bus.close();
    await expect(bus.publish([{ topic: 't', key: 'k', value: 1 }])).rejects.toThrow('closed');
  });

  describe('retention', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => ({ topic: 't', key: 'k', value: i }));
    const consumeAll = async (bus: ReturnType<typeof createInProcessBus>, groupId: string) => {
      const seen: unknown[] = [];
      const subscription = await bus.subscribe({
        groupId,
        topics: ['t'],
        fromBeginning: true,
        handler: async (m) => {
          seen.push(m.value);
        },
      });
      return { seen, subscription };
    };
    const settle = async (done: () => boolean) => {
      for (let i = 0; i < 1000 && !done(); i++) await new Promise((r) => setImmediate(r));
    };

    it('given every group read past old messages, when more come, then only the newest are kept', async () => {
      const bus = createInProcessBus({ partitions: 1, retainPerPartition: 10 });
      const reader = await consumeAll(bus, 'reader');
      await bus.publish(hundred);
      await settle(() => reader.seen.length === 100);
      expect(reader.seen).toEqual(hundred.map((m) => m.value));

      const late = await consumeAll(bus, 'late');
      await settle(() => false);
      // Retention keeps between 10 and 20 (it trims once twice the limit is held): the newest, in order.
      expect(late.seen.length).toBeGreaterThanOrEqual(10);
      expect(late.seen.length).toBeLessThan(20);
      expect(late.seen).toEqual(hundred.slice(100 - late.seen.length).map((m) => m.value));
      await bus.close();
    });

    it('given a group that has not read them yet, when others read on, then nothing it needs is dropped', async () => {
      const bus = createInProcessBus({ partitions: 1, retainPerPartition: 10 });
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const slowSeen: unknown[] = [];
      await bus.subscribe({
        groupId: 'slow',
        topics: ['t'],
        fromBeginning: true,
        handler: async (m) => {
          await held;
          slowSeen.push(m.value);
        },
      });
      const fast = await consumeAll(bus, 'fast');
      await bus.publish(hundred);
      await settle(() => fast.seen.length === 100);

      release();
      await settle(() => slowSeen.length === 100);
      expect(slowSeen).toEqual(hundred.map((m) => m.value));
      await bus.close();
    });
  });
});
