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

/** `parley_refresh=<token>`, as a browser sends it back. */
const cookiePairOf = (headers: Headers): string => refreshCookieOf(headers)!.split(';')[0]!;

const expiresOf = (setCookie: string): number =>
  Date.parse(/Expires=([^;]+)/i.exec(setCookie)![1]!);

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

/** A POST as a browser page sends it: with an Origin (unless told otherwise) and the cookie. */
const post = async (
  gateway: TestGateway,
  path: string,
  init: {
    cookie?: string;
    origin?: string | null;
    referer?: string;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> => {
  const headers: Record<string, string> = { ...init.headers };
  const origin = init.origin === undefined ? gateway.url : init.origin;
  if (origin !== null) headers['origin'] = origin;
  if (init.referer) headers['referer'] = init.referer;
  if (init.cookie) headers['cookie'] = init.cookie;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
};

const signInCookie = async (gateway: TestGateway, who = MANAGER): Promise<string> => {
  const login = await post(gateway, '/api/auth/login', { body: who });
  expect(login.status).toBe(200);
  return cookiePairOf(login.headers);
};

describe('gateway sign-in and sessions (U1)', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('given the seeded manager, when signing in, then the answer has an access token, the user and an httpOnly, Secure, SameSite=Strict refresh cookie', async () => {
    const before = Date.now();
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
    const cookie = refreshCookieOf(headers)!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    expect(expiresOf(cookie)).toBeGreaterThan(before + 604_800_000 - 5_000);
    expect(expiresOf(cookie)).toBeLessThanOrEqual(Date.now() + 604_800_000);
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

  it('given the refresh cookie, when refreshing from the app, then a new working access token and a rotated cookie that ends when the session does', async () => {
    const login = await post(gateway, '/api/auth/login', { body: MANAGER });
    const first = refreshCookieOf(login.headers)!;

    const refreshed = await post(gateway, '/api/auth/refresh', { cookie: first.split(';')[0] });

    expect(refreshed.status).toBe(200);
    const session = refreshed.body as { accessToken: string; user: { email: string } };
    expect(session.user.email).toBe(MANAGER.email);
    const rotated = refreshCookieOf(refreshed.headers)!;
    expect(rotated).toMatch(/^parley_refresh=.+HttpOnly/i);
    expect(rotated.split(';')[0]).not.toBe(first.split(';')[0]);
    expect(expiresOf(rotated)).toBe(expiresOf(first));
    expect((await gateway.call('/api/me', { token: session.accessToken })).status).toBe(200);
  });

  it('given a refresh token already rotated, when it is presented again, then 401 and the whole session ends: its newest token fails too', async () => {
    const stolen = await signInCookie(gateway);
    const rotated = await post(gateway, '/api/auth/refresh', { cookie: stolen });
    const newest = cookiePairOf(rotated.headers);

    const reuse = await post(gateway, '/api/auth/refresh', { cookie: stolen });

    expect(reuse).toMatchObject({
      status: 401,
      body: { statusCode: 401, message: 'the session has ended: sign in again' },
    });
    expect(refreshCookieOf(reuse.headers)).toMatch(/^parley_refresh=;/);
    expect((await post(gateway, '/api/auth/refresh', { cookie: newest })).status).toBe(401);
    // Another session of the same user is untouched.
    const other = await signInCookie(gateway);
    expect((await post(gateway, '/api/auth/refresh', { cookie: other })).status).toBe(200);
  });

  it('given a well-signed refresh token the server never recorded, then 401', async () => {
    const user = (await gateway.signIn()).user;
    const forged = jwt.sign({ type: 'refresh', fam: 'made-up' }, TEST_SECRET, {
      subject: user.id,
      jwtid: 'made-up',
      expiresIn: 600,
    });
    const legacy = jwt.sign({ type: 'refresh' }, TEST_SECRET, { subject: user.id, expiresIn: 600 });

    for (const token of [forged, legacy])
      expect(
        (await post(gateway, '/api/auth/refresh', { cookie: `parley_refresh=${token}` })).status,
      ).toBe(401);
  });

  it('given no or a bad refresh cookie, when refreshing, then 401', async () => {
    expect((await post(gateway, '/api/auth/refresh')).status).toBe(401);
    const bad = await post(gateway, '/api/auth/refresh', { cookie: 'parley_refresh=garbage' });
    expect(bad.status).toBe(401);
  });

  it('given a refresh or sign-out from another origin, with Origin null or with no Origin, then 403 and the session is untouched', async () => {
    const cookie = await signInCookie(gateway);

    for (const origin of ['https://evil.example', 'http://127.0.0.1:1', 'null', null]) {
      for (const path of ['/api/auth/refresh', '/api/auth/logout']) {
        const answer = await post(gateway, path, { cookie, origin });
        expect({ origin, path, status: answer.status }).toEqual({ origin, path, status: 403 });
        expect(answer.body).toMatchObject({
          statusCode: 403,
          message: expect.stringMatching(/^refused/),
        });
        expect(refreshCookieOf(answer.headers)).toBeUndefined();
      }
    }
    expect((await post(gateway, '/api/auth/refresh', { cookie })).status).toBe(200);
  });

  it("given no Origin but a Referer of the app, then the request is the app's own", async () => {
    const cookie = await signInCookie(gateway);
    const answer = await post(gateway, '/api/auth/refresh', {
      cookie,
      origin: null,
      referer: `${gateway.url}/chats/1`,
    });
    expect(answer.status).toBe(200);
  });

  it('when signing out, then the refresh cookie is cleared and its session ends on the server', async () => {
    const cookie = await signInCookie(gateway);

    const { status, headers } = await post(gateway, '/api/auth/logout', { cookie });

    expect(status).toBe(204);
    expect(refreshCookieOf(headers)).toMatch(/^parley_refresh=;.*Expires=Thu, 01 Jan 1970/i);
    expect(refreshCookieOf(headers)).toMatch(/SameSite=Strict/i);
    expect((await post(gateway, '/api/auth/refresh', { cookie })).status).toBe(401);
    expect((await post(gateway, '/api/auth/logout')).status).toBe(204);
  });
});

describe('gateway sessions: settings', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      env: {
        PARLEY_COOKIE_SECURE: 'false',
        PARLEY_ALLOWED_ORIGINS: 'https://app.example.com, https://admin.example.com',
        REFRESH_TOKEN_TTL_SECONDS: '60',
      },
    });
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('given PARLEY_COOKIE_SECURE=false and an allowed other origin, then the cookie is not Secure and that origin may refresh', async () => {
    const login = await post(gateway, '/api/auth/login', { body: MANAGER });
    expect(refreshCookieOf(login.headers)).not.toMatch(/Secure/i);

    const cookie = cookiePairOf(login.headers);
    const fromApp = await post(gateway, '/api/auth/refresh', {
      cookie,
      origin: 'https://admin.example.com',
    });
    expect(fromApp.status).toBe(200);
    const fromElsewhere = await post(gateway, '/api/auth/refresh', {
      cookie: cookiePairOf(fromApp.headers),
      origin: 'https://app.example.com.evil.example',
    });
    expect(fromElsewhere.status).toBe(403);
  });

  it('given REFRESH_TOKEN_TTL_SECONDS, then rotations do not extend the session past it', async () => {
    const login = await post(gateway, '/api/auth/login', { body: MANAGER });
    const end = expiresOf(refreshCookieOf(login.headers)!);
    expect(end).toBeLessThanOrEqual(Date.now() + 60_000);
    await new Promise((r) => setTimeout(r, 1_100));

    const refreshed = await post(gateway, '/api/auth/refresh', {
      cookie: cookiePairOf(login.headers),
    });

    expect(refreshed.status).toBe(200);
    expect(expiresOf(refreshCookieOf(refreshed.headers)!)).toBe(end);
    const token = cookiePairOf(refreshed.headers).slice('parley_refresh='.length);
    expect((jwt.decode(token) as { exp: number }).exp * 1000).toBe(end);
  });
});

describe('gateway sessions without their store', () => {
  it('given a Redis that cannot be reached, then sign-in answers 503 with a reason (the limits fall back to memory), not a 500', async () => {
    const gateway = await startTestGateway({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const answer = await post(gateway, '/api/auth/login', { body: MANAGER });

      expect(answer).toMatchObject({
        status: 503,
        body: {
          statusCode: 503,
          message: 'sessions cannot be recorded right now: try again shortly',
        },
      });
      expect(refreshCookieOf(answer.headers)).toBeUndefined();
    } finally {
      await gateway.close();
    }
  }, 60_000);
});

describe('gateway sign-in limits', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      env: {
        SIGN_IN_FAILURES_PER_ACCOUNT: '2',
        SIGN_IN_FAILURES_PER_ADDRESS: '6',
        PASSWORD_HASH_CONCURRENCY: '1',
        PASSWORD_HASH_QUEUE_LIMIT: '0',
      },
    });
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  const wrong = { email: ADMIN.email, password: 'not-the-admin-password' };

  it('given an account over its failures, then 429 with Retry-After and a clear message, even for the right password', async () => {
    expect((await post(gateway, '/api/auth/login', { body: wrong })).status).toBe(401);
    expect((await post(gateway, '/api/auth/login', { body: wrong })).status).toBe(401);

    const limited = await post(gateway, '/api/auth/login', { body: ADMIN });

    expect(limited).toMatchObject({
      status: 429,
      body: {
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'too many failed sign-ins for this account: try again in 15 minutes',
      },
    });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(890);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(refreshCookieOf(limited.headers)).toBeUndefined();
    // Another account from the same address still signs in.
    expect((await post(gateway, '/api/auth/login', { body: MANAGER })).status).toBe(200);
  });

  it('given many hashes at once beyond the hashing slots, then the extra ones get 503 with Retry-After at once', async () => {
    const answers = await Promise.all(
      [1, 2, 3].map(() => post(gateway, '/api/auth/login', { body: MANAGER })),
    );

    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    const busy = answers.find((a) => a.status === 503)!;
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(busy.body).toMatchObject({
      statusCode: 503,
      message: expect.stringContaining('try again'),
    });
  });

  it('given one address failing on many accounts, then it gets 429 once over its limit', async () => {
    // Two failures above already count against this address (127.0.0.1).
    const answers: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const body = { email: `nobody-${i}@parley.test`, password: 'whatever-it-is' };
      answers.push((await post(gateway, '/api/auth/login', { body })).status);
    }
    expect(answers).toEqual([401, 401, 401, 401, 429]);
    const limited = await post(gateway, '/api/auth/login', { body: MANAGER });
    expect(limited).toMatchObject({
      status: 429,
      body: {
        message: expect.stringMatching(
          /^too many failed sign-ins from this address: try again in \d+ minutes?$/,
        ),
      },
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('gateway behind a proxy (PARLEY_TRUST_PROXY)', () => {
  const fail = (gateway: TestGateway, forwardedFor: string) =>
    post(gateway, '/api/auth/login', {
      body: { email: `nobody-${forwardedFor}@parley.test`, password: 'whatever-it-is' },
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('given the loopback proxy trusted, then each forwarded client address has its own sign-in limit', async () => {
    const gateway = await startTestGateway({
      env: { PARLEY_TRUST_PROXY: 'loopback', SIGN_IN_FAILURES_PER_ADDRESS: '2' },
    });
    try {
      const first = [await fail(gateway, '203.0.113.7'), await fail(gateway, '203.0.113.7')];
      expect(first.map((a) => a.status)).toEqual([401, 401]);
      expect((await fail(gateway, '203.0.113.7')).status).toBe(429);
      // Another client behind the same proxy is not locked out by the first one's failures.
      expect((await fail(gateway, '198.51.100.9')).status).toBe(401);
    } finally {
      await gateway.close();
    }
  }, 60_000);

  it('given no proxy trusted, then X-Forwarded-For is ignored: a client cannot pick a fresh address per try', async () => {
    const gateway = await startTestGateway({ env: { SIGN_IN_FAILURES_PER_ADDRESS: '2' } });
    try {
      const answers = [];
      for (const forged of ['192.0.2.1', '192.0.2.2', '192.0.2.3'])
        answers.push((await fail(gateway, forged)).status);
      expect(answers).toEqual([401, 401, 429]);
    } finally {
      await gateway.close();
    }
  }, 60_000);
});
