import {
  READ_MODEL_CHANGES_TOPIC,
  type LiveMessage,
  type ReadModelChange,
} from '@parley/contracts';
import { waitUntil } from '@parley/test-infra';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { startTestGateway, TEST_SECRET, type TestGateway } from '../testing/test-gateway';

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

  beforeAll(async () => {
    gateway = await startTestGateway();
    liveUrl = `${gateway.url.replace(/^http/, 'ws')}/api/live`;
    const session = await gateway.signIn();
    token = session.accessToken;
    userId = session.user.id;
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('given a signed-in browser, when it connects, then it hears hello, and then every change of its workspace only', async () => {
    const client = await connect(`${liveUrl}?access_token=${token}`);
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
    const a = await connect(`${liveUrl}?access_token=${token}`);
    const b = await connect(`${liveUrl}?access_token=${(await gateway.signIn()).accessToken}`);
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

  it('given no, a bad or an expired token, then the upgrade is refused with 401', async () => {
    const expired = jwt.sign({ role: 'manager', ws: 'ws1', type: 'access' }, TEST_SECRET, {
      subject: userId,
      expiresIn: -10,
    });
    expect(await refusedWith(liveUrl)).toBe(401);
    expect(await refusedWith(`${liveUrl}?access_token=garbage`)).toBe(401);
    expect(await refusedWith(`${liveUrl}?access_token=${expired}`)).toBe(401);
  });

  it('given a token that expires while connected, then the socket is closed with 4401', async () => {
    const shortLived = jwt.sign({ role: 'manager', ws: 'ws1', type: 'access' }, TEST_SECRET, {
      subject: userId,
      expiresIn: 2,
    });
    const client = await connect(`${liveUrl}?access_token=${shortLived}`);
    expect(await client.closed).toBe(4401);
  });

  it('when the gateway shuts down, then open sockets are closed', async () => {
    const client = await connect(`${liveUrl}?access_token=${token}`);
    await gateway.service.close();
    expect(await client.closed).toBe(1001);
  });
});
