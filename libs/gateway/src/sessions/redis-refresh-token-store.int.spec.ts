import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisRefreshTokenStore } from './redis-refresh-token-store';
import { describeOnRedis } from './testing/redis-test';
import { describeRefreshTokenStoreContract } from './testing/refresh-token-store.contract';

describeOnRedis('Redis refresh-token store', (url) => {
  const prefix = `parley-test-${randomBytes(5).toString('hex')}:`;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(url, { maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  describeRefreshTokenStoreContract('redis', async () => new RedisRefreshTokenStore(redis, prefix));

  it('given a started family, then Redis itself expires its key at the session end', async () => {
    const store = new RedisRefreshTokenStore(redis, prefix);
    const expiresAt = new Date(Date.now() + 3_600_000);
    await store.start({ familyId: 'f-ttl', userId: 'u-ttl', tokenId: 't', expiresAt });

    const ttl = await redis.pttl(`${prefix}session:f-ttl`);
    expect(ttl).toBeGreaterThan(3_590_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
    expect(await redis.pttl(`${prefix}user-sessions:u-ttl`)).toBeGreaterThan(3_590_000);
  });

  it("given a user whose older families ended, when a new one starts, then the ended ones leave the user's set", async () => {
    const store = new RedisRefreshTokenStore(redis, prefix);
    const userId = 'u-prune';
    await store.start({
      familyId: 'old',
      userId,
      tokenId: 't',
      expiresAt: new Date(Date.now() + 100),
    });
    await new Promise((r) => setTimeout(r, 300));
    await store.start({
      familyId: 'new',
      userId,
      tokenId: 't',
      expiresAt: new Date(Date.now() + 60_000),
    });

    expect(await redis.smembers(`${prefix}user-sessions:${userId}`)).toEqual(['new']);
  });
});
