import { HealthRegistry } from './health-registry';

describe('HealthRegistry', () => {
  const registryWith = (...checks: Parameters<HealthRegistry['register']>[0][]): HealthRegistry => {
    const registry = new HealthRegistry();
    for (const check of checks) registry.register(check);
    return registry;
  };

  it('given checks that pass, fail with a reason, throw, and pass with a detail, then the report says each', async () => {
    const report = await registryWith(
      { name: 'store', description: 'event store', check: async () => undefined },
      { name: 'bus', description: 'Kafka', check: async () => ({ detail: '2 dead letters' }) },
      { name: 'read', description: 'read store', check: async () => 'not connected' },
      {
        name: 'bot',
        description: 'Telegram',
        check: async () => {
          throw new Error('401 Unauthorized');
        },
      },
    ).report();

    expect(report.status).toBe('down');
    expect(report.checks).toEqual([
      { name: 'store', description: 'event store', status: 'up' },
      { name: 'bus', description: 'Kafka', status: 'up', detail: '2 dead letters' },
      { name: 'read', description: 'read store', status: 'down', reason: 'not connected' },
      { name: 'bot', description: 'Telegram', status: 'down', reason: '401 Unauthorized' },
    ]);
  });

  it('given a check that never answers, when reported, then it is down after the timeout', async () => {
    const report = await registryWith({
      name: 'slow',
      description: 'stuck part',
      check: () => new Promise<void>(() => undefined),
    }).report(20);
    expect(report).toEqual({
      status: 'down',
      checks: [
        {
          name: 'slow',
          description: 'stuck part',
          status: 'down',
          reason: 'no answer within 20 ms',
        },
      ],
    });
  });

  it('given the same name twice, when registered, then it is refused', () => {
    const check = { name: 'store', description: 'x', check: async () => undefined };
    expect(() => registryWith(check, check)).toThrow(/registered twice/);
  });

  describe('who sees the detail', () => {
    const request = (authorization?: string) => ({ headers: { authorization } });

    it('given no rule, when asked, then nobody sees the detail', async () => {
      expect(await new HealthRegistry().mayShowDetails(request('Bearer x'))).toBe(false);
    });

    it('given rules, then a request one of them accepts sees it, and a rule that throws grants nothing', async () => {
      const registry = new HealthRegistry();
      registry.revealDetailsWhen(() => {
        throw new Error('broken rule');
      });
      registry.revealDetailsWhen(async (r) => r.headers.authorization === 'Bearer admin');

      expect(await registry.mayShowDetails(request('Bearer admin'))).toBe(true);
      expect(await registry.mayShowDetails(request('Bearer manager'))).toBe(false);
      expect(await registry.mayShowDetails(request())).toBe(false);
    });
  });
});
