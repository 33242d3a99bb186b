import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { SignInLimiter } from './sign-in-limiter';
import { describeOnRedis } from './testing/redis-test';
import { describeSignInLimiterContract } from './testing/sign-in-limiter.contract';

describeOnRedis('sign-in limits in Redis', (url) => {
  const prefix = `parley-test-${randomBytes(5).toString('hex')}:`;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(url, { maxRetriesPerRequest: 1 });
    await redis.ping();
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  describeSignInLimiterContract(
    'redis',
    async (limits) => new SignInLimiter(limits, redis, prefix),
  );

  it('given two gateway replicas on one Redis, then failures on either count against the same account', async () => {
    const limits = { failuresPerAddress: 100, failuresPerAccount: 3, windowSeconds: 900 };
    const replicaA = new SignInLimiter(limits, redis, prefix);
    const replicaB = new SignInLimiter(limits, redis, prefix);
    const who = `${randomUUID()}@parley.test`;

    expect((await replicaA.attempt('10.1.1.1', who)).allowed).toBe(true);
    expect((await replicaB.attempt('10.1.1.2', who)).allowed).toBe(true);
    expect((await replicaA.attempt('10.1.1.3', who)).allowed).toBe(true);

    expect(await replicaB.attempt('10.1.1.4', who)).toMatchObject({
      allowed: false,
      limit: 'account',
    });
  });

  it('given Redis unreachable, then the limits still hold, counted in the process memory', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    down.on('error', () => undefined);
    try {
      const limiter = new SignInLimiter(
        { failuresPerAddress: 100, failuresPerAccount: 1, windowSeconds: 900 },
        down,
        prefix,
      );
      const who = `${randomUUID()}@parley.test`;

      expect((await limiter.attempt('10.2.2.2', who)).allowed).toBe(true);
      expect(await limiter.attempt('10.2.2.2', who)).toMatchObject({
        allowed: false,
        limit: 'account',
      });
    } finally {
      down.disconnect();
    }
  });
});
