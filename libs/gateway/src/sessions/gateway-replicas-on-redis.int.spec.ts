import { randomUUID } from 'node:crypto';
import { HealthRegistry } from '@parley/platform';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';
import { describeOnRedis } from './testing/redis-test';

const post = async (
  gateway: TestGateway,
  path: string,
  init: { cookie?: string; body?: unknown } = {},
): Promise<{ status: number; body: unknown; cookie: string | undefined; headers: Headers }> => {
  const response = await fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: {
      origin: gateway.url,
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('parley_refresh='))
    ?.split(';')[0];
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    cookie,
    headers: response.headers,
  };
};

describeOnRedis('two gateway replicas sharing sessions and sign-in limits', (url) => {
  // A manager of this run's own, so no other run on the same Redis shares its counters.
  const manager = { email: `manager-${randomUUID()}@parley.test`, password: 'parley-manager' };
  const env = {
    REDIS_URL: url,
    PARLEY_MANAGER_EMAIL: manager.email,
    SIGN_IN_FAILURES_PER_ACCOUNT: '3',
    REFRESH_TOKEN_TTL_SECONDS: '300',
  };
  let a: TestGateway;
  let b: TestGateway;

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestGateway({ env }), startTestGateway({ env })]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('given a session started on one replica, then it refreshes on the other, and the token it replaced is reuse on the first', async () => {
    const login = await post(a, '/api/auth/login', { body: manager });
    expect(login.status).toBe(200);

    const onB = await post(b, '/api/auth/refresh', { cookie: login.cookie });
    expect(onB.status).toBe(200);
    const onA = await post(a, '/api/auth/refresh', { cookie: onB.cookie });
    expect(onA.status).toBe(200);

    expect((await post(a, '/api/auth/refresh', { cookie: login.cookie })).status).toBe(401);
    expect((await post(b, '/api/auth/refresh', { cookie: onA.cookie })).status).toBe(401);
  });

  it('given a sign-out on one replica, then the session has ended on the other', async () => {
    const login = await post(b, '/api/auth/login', { body: manager });
    expect((await post(a, '/api/auth/logout', { cookie: login.cookie })).status).toBe(204);
    expect((await post(b, '/api/auth/refresh', { cookie: login.cookie })).status).toBe(401);
  });

  it('given failed sign-ins spread over both replicas, then the account is limited on both', async () => {
    const wrong = { email: manager.email, password: 'not-the-password' };
    expect((await post(a, '/api/auth/login', { body: wrong })).status).toBe(401);
    expect((await post(b, '/api/auth/login', { body: wrong })).status).toBe(401);
    expect((await post(a, '/api/auth/login', { body: wrong })).status).toBe(401);

    const limited = await post(b, '/api/auth/login', { body: manager });

    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post(a, '/api/auth/login', { body: manager })).status).toBe(429);
  });

  it("given Redis, then each replica reports it in its health, without the URL's credentials", async () => {
    const report = await a.service.app.get(HealthRegistry).report();
    expect(report.checks).toContainEqual({
      name: 'redis',
      status: 'up',
      description: `Redis (sign-in limits, sessions) at ${new URL(url).host}`,
    });
  });
});
