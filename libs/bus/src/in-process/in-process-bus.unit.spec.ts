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
});
