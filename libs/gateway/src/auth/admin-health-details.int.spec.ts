import { HealthRegistry } from '@parley/platform';
import { ADMIN, MANAGER, startTestGateway, type TestGateway } from '../testing/test-gateway';

describe('gateway health: the detail only for admins', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
    gateway.service.app.get(HealthRegistry).register({
      name: 'secret-part',
      description: 'lives at /var/lib/parley on broker-7:9092',
      check: async () => ({ detail: '3 dead letters' }),
    });
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('given no token, a bad one or a manager, when asking /health, then only the status', async () => {
    const manager = (await gateway.signIn(MANAGER)).accessToken;
    for (const token of [undefined, 'garbage', manager]) {
      const answer = await gateway.call('/health', { token });
      expect({ token, status: answer.status, body: answer.body }).toEqual({
        token,
        status: 200,
        body: { status: 'up' },
      });
    }
  });

  it("given an admin's access token, when asking /health, then every part with its description and detail", async () => {
    const admin = (await gateway.signIn(ADMIN)).accessToken;

    const answer = await gateway.call('/health', { token: admin });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'up',
      checks: expect.arrayContaining([
        {
          name: 'secret-part',
          description: 'lives at /var/lib/parley on broker-7:9092',
          status: 'up',
          detail: '3 dead letters',
        },
      ]),
    });
  });

  it('given a part down, then everyone gets 503, and only the admin reads why', async () => {
    gateway.service.app.get(HealthRegistry).register({
      name: 'broken-part',
      description: 'a broker',
      check: async () => 'connection refused to 10.0.0.7:9092',
    });
    const anonymous = await gateway.call('/health');
    expect(anonymous).toMatchObject({ status: 503, body: { status: 'down' } });
    expect(JSON.stringify(anonymous.body)).not.toContain('10.0.0.7');

    const admin = await gateway.call('/health', {
      token: (await gateway.signIn(ADMIN)).accessToken,
    });
    expect(admin.status).toBe(503);
    expect(JSON.stringify(admin.body)).toContain('connection refused to 10.0.0.7:9092');
    expect((await gateway.call('/health/live')).status).toBe(200);
  });
});
