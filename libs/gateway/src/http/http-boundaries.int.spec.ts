import { connect } from 'node:net';
import { REQUEST_BODY_LIMITS } from '@parley/contracts';
import WebSocket from 'ws';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

/** Send raw bytes to the gateway; resolves with everything it answered once it closed. */
const raw = (url: string, bytes: string, timeoutMs = 5_000): Promise<string> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error(`no close within ${timeoutMs} ms; answered: ${answer}`));
    });
  });

const upgradeTo = (target: string): string =>
  `GET ${target} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';

const post = (
  url: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Response> => fetch(url, { method: 'POST', headers, body });

describe('gateway HTTP boundaries', () => {
  let gateway: TestGateway;
  let token: string;

  beforeAll(async () => {
    gateway = await startTestGateway();
    token = (await gateway.signIn()).accessToken;
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  const alive = async (): Promise<void> => {
    expect((await fetch(`${gateway.url}/health/live`)).status).toBe(200);
  };

  it('given any response, then it carries the security headers and no X-Powered-By', async () => {
    for (const path of ['/health/live', '/api/me', '/api/nothing-here']) {
      const { headers } = await fetch(`${gateway.url}${path}`);
      expect(headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('x-powered-by')).toBeNull();
    }
  });

  it('given a form body, when posted, then 415 with the reason and the route is not reached', async () => {
    const res = await post(`${gateway.url}/api/auth/login`, 'email=a%40b.c&password=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({
      statusCode: 415,
      error: 'Unsupported Media Type',
      issues: [{ field: 'content-type' }],
    });
  });

  it('given a body over the endpoint limit, when posted, then 413 naming the limit', async () => {
    const big = JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(REQUEST_BODY_LIMITS.auth) });
    const res = await post(`${gateway.url}/api/auth/login`, big);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      statusCode: 413,
      message: expect.stringContaining(String(REQUEST_BODY_LIMITS.auth)),
      issues: [{ field: 'body' }],
    });
  });

  it('given a body of the same size for a message, then it is under the limit there (404: no such chat)', async () => {
    const res = await fetch(`${gateway.url}/api/chats/nope/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ text: 'x'.repeat(4096) }),
    });
    expect(res.status).toBe(404);
  });

  it('given broken JSON, then 400 naming the body', async () => {
    const res = await post(`${gateway.url}/api/auth/login`, '{"email":');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ statusCode: 400, issues: [{ field: 'body' }] });
  });

  it.each([
    ['limit=1e9', 'limit'],
    ['limit=0x10', 'limit'],
    ['limit=201', 'limit'],
    ['limit=1&limit=2', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    [`cursor=${Buffer.from('{"lastActivityAt":1}').toString('base64url')}`, 'cursor'],
    ['cursor=%00', 'cursor'],
    ['archived=yes', 'archived'],
    ['sort=name', 'sort'],
  ])('given the chat list with %s, then 400 naming %s', async (query, field) => {
    const { status, body } = await gateway.call(`/api/chats?${query}`, { token });
    expect(status).toBe(400);
    expect((body as { issues: { field: string }[] }).issues.map((i) => i.field)).toContain(field);
  });

  it.each([
    ['a NUL', 'a\u0000b', 'text must not contain NUL characters'],
    ['a lone surrogate', 'a\uD800b', 'text must not contain unpaired surrogates'],
    [
      'only white space and invisible characters',
      ' \u200B\n\u3164 ',
      'text must contain a visible character',
    ],
  ])(
    'given a message with %s, then 400 with the field and the reason',
    async (_name, text, reason) => {
      const { status, body } = await gateway.call('/api/chats/nope/messages', {
        token,
        body: { text },
      });
      expect(status).toBe(400);
      expect(body).toMatchObject({ statusCode: 400, issues: [{ field: 'text', reason }] });
    },
  );

  it.each([
    ['an unparseable URL', '//[::1'],
    ['percent garbage', '/api/live%%%?ticket=%E0%A4%A'],
    ['another path', '/api/chats'],
    ['an absolute URL', 'http://evil.example/api/live'],
  ])(
    'given an upgrade to %s, then it is refused, closed, and the gateway lives',
    async (_name, target) => {
      const answer = await raw(gateway.url, upgradeTo(target));
      expect(answer).toMatch(/^HTTP\/1\.1 (400|404) /);
      await alive();
    },
  );

  it('given a live socket, when the browser sends a frame over the maximum, then the socket is closed with 1009', async () => {
    const socket = new WebSocket(await gateway.liveUrl(token));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.send('x'.repeat(64 * 1024));
    expect(await closed).toBe(1009);
    await alive();
  });
});
