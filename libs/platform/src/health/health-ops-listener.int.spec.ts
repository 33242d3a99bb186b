import { HealthRegistry } from './health-registry';
import { startHealthOpsListener, type HealthOpsListener } from './health-ops-listener';

describe('the ops-only health listener', () => {
  let registry: HealthRegistry;
  let ops: HealthOpsListener;
  let healthy = true;

  beforeAll(async () => {
    registry = new HealthRegistry();
    registry.register({
      name: 'event-store',
      description: 'PGlite in /var/lib/parley',
      check: async () => (healthy ? { detail: '2 dead letters' } : 'disk full'),
    });
    ops = await startHealthOpsListener({
      registry,
      port: 0,
      host: '127.0.0.1',
      pages: [{ path: '/health/status', contentType: 'text/plain', render: (r) => r.status }],
      actions: [
        {
          path: '/ops/echo/',
          run: async (argument) => {
            if (argument === 'boom') throw new Error('it blew up');
            return { status: argument === '' ? 400 : 200, body: { argument } };
          },
        },
      ],
    });
  });

  afterAll(async () => {
    await ops?.close();
  });

  it('given a request on the ops port, when asking /health, then the whole report, 503 when down', async () => {
    healthy = true;
    const up = await fetch(`${ops.url}/health`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({
      status: 'up',
      checks: [
        {
          name: 'event-store',
          description: 'PGlite in /var/lib/parley',
          status: 'up',
          detail: '2 dead letters',
        },
      ],
    });

    healthy = false;
    const down = await fetch(`${ops.url}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'down', checks: [{ reason: 'disk full' }] });
  });

  it('given the liveness path, a page, anything else or another method, then each its answer', async () => {
    expect((await fetch(`${ops.url}/health/live`)).status).toBe(200);
    healthy = true;
    expect(await (await fetch(`${ops.url}/health/status`)).text()).toBe('up');
    expect((await fetch(`${ops.url}/api/me`)).status).toBe(404);
    expect((await fetch(`${ops.url}/health`, { method: 'POST' })).status).toBe(405);
  });

  it('given an action, when POSTed with an argument, then its answer; a failure is a 500 naming it; GET is refused', async () => {
    const ran = await fetch(`${ops.url}/ops/echo/chats%20v2`, { method: 'POST' });
    expect(ran.status).toBe(200);
    expect(await ran.json()).toEqual({ argument: 'chats v2' });
    expect((await fetch(`${ops.url}/ops/echo/`, { method: 'POST' })).status).toBe(400);
    const failed = await fetch(`${ops.url}/ops/echo/boom`, { method: 'POST' });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: 'it blew up' });
    expect((await fetch(`${ops.url}/ops/echo/chats`)).status).toBe(404);
  });
});
