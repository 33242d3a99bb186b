import type { SignInResponse } from '@parley/contracts';
import { ApiError } from './api-error';
import { HttpClient, type FetchLike } from './http-client';
import { createParleyApi } from './parley-api';

const session = (accessToken: string): SignInResponse => ({
  accessToken,
  expiresIn: 900,
  user: {
    id: 'u1',
    email: 'olga@example.com',
    name: 'Olga',
    role: 'manager',
    workspaceId: 'w1',
    language: 'ru',
  },
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/**
 * A gateway in memory, answering like the real one: tokens it accepts, whether the refresh
 * cookie still works, and every request it saw.
 */
const gateway = (options: { validTokens: string[]; refreshGives: string | null }) => {
  const seen: { method: string; path: string; authorization: string | null; body: unknown }[] = [];
  const fetch: FetchLike = async (path, init) => {
    const authorization = new Headers(init?.headers).get('Authorization');
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    seen.push({ method: init?.method ?? 'GET', path, authorization, body });
    if (path === '/api/auth/login') {
      return body.password === 'secret'
        ? json(200, session('t1'))
        : json(401, { statusCode: 401, error: 'Unauthorized', message: 'Wrong email or password' });
    }
    if (path === '/api/auth/refresh') {
      return options.refreshGives
        ? json(200, session(options.refreshGives))
        : json(401, { statusCode: 401, error: 'Unauthorized', message: 'No session' });
    }
    const token = authorization?.replace(/^Bearer /, '');
    if (!token || !options.validTokens.includes(token)) {
      return json(401, { statusCode: 401, error: 'Unauthorized', message: 'Token expired' });
    }
    if (path === '/api/chats/c1/messages') {
      return body.text === 'archived'
        ? json(409, { statusCode: 409, error: 'Conflict', message: 'The conversation is archived' })
        : json(202, { commandId: 'cmd1', status: 'accepted', messageId: body.messageId });
    }
    return json(200, { items: [], nextCursor: null });
  };
  return { fetch, seen };
};

const client = (fetch: FetchLike) => {
  const events: string[] = [];
  const http = new HttpClient({
    fetch,
    onSessionRefreshed: (s) => events.push(`refreshed:${s.accessToken}`),
    onSessionEnded: () => events.push('ended'),
  });
  return { api: createParleyApi(http), http, events };
};

describe('HttpClient', () => {
  it('given a sign-in, when calls follow, then they carry the access token', async () => {
    const { fetch, seen } = gateway({ validTokens: ['t1'], refreshGives: null });
    const { api } = client(fetch);
    await api.signIn('olga@example.com', 'secret');
    await api.chats();
    expect(seen[1]).toMatchObject({ path: '/api/chats', authorization: 'Bearer t1' });
  });

  it('given a wrong password, then a 401 error and no refresh attempt', async () => {
    const { fetch, seen } = gateway({ validTokens: ['t1'], refreshGives: 't2' });
    const { api, events } = client(fetch);
    await expect(api.signIn('olga@example.com', 'nope')).rejects.toMatchObject({ status: 401 });
    expect(seen.map((r) => r.path)).toEqual(['/api/auth/login']);
    expect(events).toEqual([]);
  });

  it('given an expired token, when a call gets 401, then refreshes once and repeats it', async () => {
    const { fetch, seen } = gateway({ validTokens: ['t2'], refreshGives: 't2' });
    const { api, http, events } = client(fetch);
    http.setAccessToken('t1');
    await expect(api.timeline('c1')).resolves.toEqual({ items: [], nextCursor: null });
    expect(seen.map((r) => `${r.path} ${r.authorization}`)).toEqual([
      '/api/chats/c1/timeline Bearer t1',
      '/api/auth/refresh null',
      '/api/chats/c1/timeline Bearer t2',
    ]);
    expect(events).toEqual(['refreshed:t2']);
  });

  it('given the refresh cookie no longer works, then the session ends', async () => {
    const { fetch } = gateway({ validTokens: [], refreshGives: null });
    const { api, http, events } = client(fetch);
    http.setAccessToken('t1');
    await expect(api.chats()).rejects.toBeInstanceOf(ApiError);
    expect(events).toEqual(['ended']);
    expect(http.token).toBeNull();
  });

  it('given concurrent 401s, then one refresh serves them all', async () => {
    const { fetch, seen } = gateway({ validTokens: ['t2'], refreshGives: 't2' });
    const { api, http } = client(fetch);
    http.setAccessToken('t1');
    await Promise.all([api.chats(), api.card('c1'), api.timeline('c1')]);
    expect(seen.filter((r) => r.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('given a send, then posts text and messageId; given a rejection, then its reason', async () => {
    const { fetch, seen } = gateway({ validTokens: ['t1'], refreshGives: null });
    const { api, http } = client(fetch);
    http.setAccessToken('t1');
    await expect(api.sendMessage('c1', 'Hi', 'm-1')).resolves.toMatchObject({
      status: 'accepted',
      messageId: 'm-1',
    });
    expect(seen[0]).toMatchObject({ method: 'POST', body: { text: 'Hi', messageId: 'm-1' } });
    await expect(api.sendMessage('c1', 'archived', 'm-2')).rejects.toMatchObject({
      status: 409,
      serverMessage: 'The conversation is archived',
    });
  });

  it('given no server, then a network error', async () => {
    const { api } = client(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(api.chats()).rejects.toMatchObject({ status: 0, isNetworkError: true });
  });
});
