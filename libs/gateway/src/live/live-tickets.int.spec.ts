import { loadConfig } from '@parley/config';
import { describeOnRedis } from '../sessions/testing/redis-test';
import { GatewayConfig } from '../gateway.config';
import { GatewayRedis } from '../sessions/gateway-redis';
import { LIVE_TICKET_TTL_SECONDS, LiveTickets } from './live-tickets';

const SECRET = 's'.repeat(32);
const holder = { userId: 'user-1', accessTokenExpiresAt: 2_000_000_000 };

const redisOf = (url: string): GatewayRedis =>
  new GatewayRedis(loadConfig(GatewayConfig, { PARLEY_AUTH_SECRET: SECRET, REDIS_URL: url }));

describe('live tickets in memory', () => {
  const tickets = new LiveTickets(redisOf(''));

  it('given a ticket, when redeemed twice, then the holder once, then null', async () => {
    const ticket = await tickets.issue(holder);
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await tickets.redeem(ticket)).toEqual(holder);
    expect(await tickets.redeem(ticket)).toBeNull();
  });

  it('given a ticket older than its lifetime, then it is refused', async () => {
    const issuedAt = Date.now();
    const ticket = await tickets.issue(holder, issuedAt);
    expect(await tickets.redeem(ticket, issuedAt + LIVE_TICKET_TTL_SECONDS * 1000)).toBeNull();
  });

  it('given made-up tickets, then each is refused', async () => {
    for (const made of ['', 'x', 'A'.repeat(43), '%'.repeat(43)])
      expect(await tickets.redeem(made)).toBeNull();
  });
});

describeOnRedis('live tickets on Redis: issued by one replica, redeemed by another', (url) => {
  let replicas: GatewayRedis[] = [];

  beforeAll(() => {
    replicas = [redisOf(url), redisOf(url)];
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.onApplicationShutdown()));
  });

  it('given a ticket from one replica, then the other redeems it once, and it expires in Redis', async () => {
    const [a, b] = replicas.map((r) => new LiveTickets(r));
    const ticket = await a!.issue(holder);

    expect(await b!.redeem(ticket)).toEqual(holder);
    expect(await a!.redeem(ticket)).toBeNull();

    const unused = await a!.issue(holder);
    const keys = await replicas[0]!.client!.keys('parley:live-ticket:*');
    const ttls = await Promise.all(keys.map((k) => replicas[0]!.client!.ttl(k)));
    expect(ttls.every((t) => t > 0 && t <= LIVE_TICKET_TTL_SECONDS)).toBe(true);
    expect(keys.some((k) => k.includes(unused))).toBe(false);
  });
});
