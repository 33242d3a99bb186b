import {
  READ_MODEL_CHANGES_TOPIC,
  type LiveMessage,
  type ReadModelChange,
} from '@parley/contracts';
import { waitUntil } from '@parley/test-infra';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { ADMIN, startTestGateway, TEST_SECRET, type TestGateway } from '../testing/test-gateway';

/** A ws client that keeps every message it hears. */
const connect = async (
  url: string,
): Promise<{ socket: WebSocket; messages: LiveMessage[]; closed: Promise<number> }> => {
  const socket = new WebSocket(url);
  const messages: LiveMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as LiveMessage));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, messages, closed };
};

/** The HTTP status a refused upgrade answered with. */
const refusedWith = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => reject(new Error('the socket was accepted')));
    socket.once('error', () => undefined);
  });

const change = (
  workspaceId: string,
  conversationId: string,
  position: string,
): ReadModelChange => ({
  workspaceId,
  conversationId,
  collections: ['chats', 'timeline'],
  position,
});

describe('gateway live push (L6)', () => {
  let gateway: TestGateway;
  let liveUrl: string;
  let token: string;
  let userId: string;
  const withTicket = (accessToken = token) => gateway.liveUrl(accessToken);

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { LIVE_CONNECTIONS_PER_USER: '3' } });
    liveUrl = `${gateway.url.replace(/^http/, 'ws')}/api/live`;
    const session = await gateway.signIn();
    token = session.accessToken;
    userId = session.user.id;
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('given a signed-in browser with a ticket, when it connects, then it hears hello, and then every change of its workspace only', async () => {
    const client = await connect(await withTicket());
    await waitUntil('hello', () => (client.messages.length > 0 ? true : undefined), 5_000);
    expect(client.messages[0]).toEqual({ type: 'hello', userId });

    await gateway.bus.publish([
      {
        topic: READ_MODEL_CHANGES_TOPIC,
        key: 'ws2:tg:1:1',
        value: change('ws2', 'ws2:tg:1:1', '7'),
      },
      {
        topic: READ_MODEL_CHANGES_TOPIC,
        key: 'ws1:tg:1:1',
        value: change('ws1', 'ws1:tg:1:1', '8'),
      },
    ]);

    await waitUntil('the change', () => (client.messages.length > 1 ? true : undefined), 5_000);
    expect(client.messages.slice(1)).toEqual([
      { type: 'changed', ...change('ws1', 'ws1:tg:1:1', '8') },
    ]);
    client.socket.close();
    await client.closed;
  });

  it('given two browsers of the workspace, then both hear a change', async () => {
    const a = await connect(await withTicket());
    const b = await connect(await withTicket((await gateway.signIn()).accessToken));
    await gateway.bus.publish([
      {
        topic: READ_MODEL_CHANGES_TOPIC,
        key: 'ws1:tg:1:2',
        value: change('ws1', 'ws1:tg:1:2', '9'),
      },
    ]);
    for (const client of [a, b]) {
      await waitUntil(
        'the change',
        () =>
          client.messages.some((m) => m.type === 'changed' && m.position === '9')
            ? true
            : undefined,
        5_000,
      );
    }
    a.socket.close();
    b.socket.close();
    await Promise.all([a.closed, b.closed]);
  });

  it('given a ticket used once, when it is used again, then the upgrade is refused with 401', async () => {
    const url = await withTicket();
    const first = await connect(url);

    expect(await refusedWith(url)).toBe(401);

    first.socket.close();
    await first.closed;
  });

  it('given no ticket, a made-up one, or the access token in the URL, then the upgrade is refused with 401', async () => {
    expect(await refusedWith(liveUrl)).toBe(401);
    expect(await refusedWith(`${liveUrl}?ticket=garbage`)).toBe(401);
    expect(await refusedWith(`${liveUrl}?ticket=${'A'.repeat(43)}`)).toBe(401);
    expect(await refusedWith(`${liveUrl}?access_token=${token}`)).toBe(401);
  });

  it('given no, a bad or an expired access token, when asking for a ticket, then 401', async () => {
    const expired = jwt.sign({ role: 'manager', ws: 'ws1', type: 'access' }, TEST_SECRET, {
      subject: userId,
      expiresIn: -10,
    });
    for (const bad of [undefined, 'garbage', expired]) {
      const answer = await gateway.call('/api/live/ticket', { method: 'POST', token: bad });
      expect(answer.status).toBe(401);
    }
  });

  it('given a ticket of an access token that expires while connected, then the socket is closed with 4401', async () => {
    const shortLived = jwt.sign({ role: 'manager', ws: 'ws1', type: 'access' }, TEST_SECRET, {
      subject: userId,
      expiresIn: 2,
    });
    const client = await connect(await withTicket(shortLived));
    expect(await client.closed).toBe(4401);
  });

  it('given a user at the connection cap, when one more connects, then it is refused with 429 until one closes', async () => {
    const open = await Promise.all([1, 2, 3].map(async () => connect(await withTicket())));

    expect(await refusedWith(await withTicket())).toBe(429);
    // Another user is not held by this one's cap.
    const admin = await gateway.signIn(ADMIN);
    const other = await connect(await withTicket(admin.accessToken));

    open[0]!.socket.close();
    await open[0]!.closed;
    await waitUntil('the slot is free', async () => {
      const next = await connect(await withTicket()).catch(() => null);
      return next ?? undefined;
    });
    for (const client of [...open.slice(1), other]) client.socket.close();
  });

  it('when the gateway shuts down, then open sockets are closed', async () => {
    const client = await connect(await withTicket());
    await gateway.service.close();
    expect(await client.closed).toBe(1001);
  });
});
