import jwt from 'jsonwebtoken';
import {
  ADMIN,
  MANAGER,
  startTestGateway,
  TEST_SECRET,
  type TestGateway,
} from '../testing/test-gateway';

const refreshCookieOf = (headers: Headers): string | undefined =>
  headers.getSetCookie().find((c) => c.startsWith('parley_refresh='));

describe('gateway sign-in and sessions (U1)', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('given the seeded manager, when signing in, then the answer has an access token, the user and an httpOnly refresh cookie', async () => {
    const { status, body, headers } = await gateway.call('/api/auth/login', { body: MANAGER });

    expect(status).toBe(200);
    expect(body).toMatchObject({
      accessToken: expect.any(String),
      expiresIn: 900,
      user: {
        email: 'manager@parley.local',
        role: 'manager',
        workspaceId: 'ws1',
        language: 'en',
        id: expect.any(String),
      },
    });
    const cookie = refreshCookieOf(headers);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    const claims = jwt.verify((body as { accessToken: string }).accessToken, TEST_SECRET) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ type: 'access', role: 'manager', ws: 'ws1' });
  });

  it('given the seeded admin, when signing in, then the user is an admin', async () => {
    const session = await gateway.signIn(ADMIN);
    expect(session.user).toMatchObject({ email: 'admin@parley.local', role: 'admin' });
  });

  it('given a wrong password or an unknown email, then 401 with the same message', async () => {
    const wrongPassword = await gateway.call('/api/auth/login', {
      body: { email: MANAGER.email, password: 'not-the-password' },
    });
    const unknownEmail = await gateway.call('/api/auth/login', {
      body: { email: 'nobody@parley.local', password: MANAGER.password },
    });

    expect(wrongPassword).toMatchObject({
      status: 401,
      body: { statusCode: 401, message: 'invalid email or password' },
    });
    expect(unknownEmail).toMatchObject({
      status: 401,
      body: { statusCode: 401, message: 'invalid email or password' },
    });
    expect(refreshCookieOf(wrongPassword.headers)).toBeUndefined();
  });

  it('given a login body with a bad email, then 400 naming the field', async () => {
    const { status, body } = await gateway.call('/api/auth/login', {
      body: { email: 'x', password: 'whatever' },
    });

    expect(status).toBe(400);
    expect(body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      issues: [{ field: 'email', reason: expect.stringContaining('email') }],
    });
  });

  it('given a login body with an unknown field, then 400 naming it', async () => {
    const { status, body } = await gateway.call('/api/auth/login', {
      body: { ...MANAGER, admin: true },
    });

    expect(status).toBe(400);
    expect((body as { issues: { field: string }[] }).issues.map((i) => i.field)).toEqual(['admin']);
  });

  it('given no token, a bad token or an expired token, then a protected route answers 401', async () => {
    const user = (await gateway.signIn()).user;
    const expired = jwt.sign({ role: 'manager', ws: 'ws1', type: 'access' }, TEST_SECRET, {
      subject: user.id,
      expiresIn: -10,
    });
    const otherSecret = jwt.sign({ role: 'manager', ws: 'ws1', type: 'access' }, 'x'.repeat(40), {
      subject: user.id,
    });
    const refreshAsAccess = jwt.sign({ type: 'refresh' }, TEST_SECRET, { subject: user.id });

    for (const token of [undefined, 'garbage', expired, otherSecret, refreshAsAccess]) {
      const { status, body } = await gateway.call('/api/me', { token });
      expect({ token, status }).toEqual({ token, status: 401 });
      expect(body).toMatchObject({ statusCode: 401, message: expect.any(String) });
    }
    expect((await gateway.call('/api/chats', {})).status).toBe(401);
  });

  it('given a valid token, when asking who I am, then the user is returned', async () => {
    const session = await gateway.signIn();
    const { status, body } = await gateway.call('/api/me', { token: session.accessToken });

    expect(status).toBe(200);
    expect(body).toEqual(session.user);
  });

  it('given the refresh cookie, when refreshing, then a new working access token and a rotated cookie', async () => {
    const login = await gateway.call('/api/auth/login', { body: MANAGER });
    const cookie = refreshCookieOf(login.headers)!.split(';')[0]!;

    const refreshed = await gateway.call('/api/auth/refresh', { method: 'POST', cookie });

    expect(refreshed.status).toBe(200);
    const session = refreshed.body as { accessToken: string; user: { email: string } };
    expect(session.user.email).toBe(MANAGER.email);
    expect(refreshCookieOf(refreshed.headers)).toMatch(/^parley_refresh=.+HttpOnly/i);
    expect((await gateway.call('/api/me', { token: session.accessToken })).status).toBe(200);
  });

  it('given no or a bad refresh cookie, when refreshing, then 401', async () => {
    expect((await gateway.call('/api/auth/refresh', { method: 'POST' })).status).toBe(401);
    const bad = await gateway.call('/api/auth/refresh', {
      method: 'POST',
      cookie: 'parley_refresh=garbage',
    });
    expect(bad.status).toBe(401);
  });

  it('when signing out, then the refresh cookie is cleared', async () => {
    const { status, headers } = await gateway.call('/api/auth/logout', { method: 'POST' });

    expect(status).toBe(204);
    expect(refreshCookieOf(headers)).toMatch(/^parley_refresh=;.*Expires=Thu, 01 Jan 1970/i);
  });
});
