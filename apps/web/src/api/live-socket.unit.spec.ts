import type { LiveMessage } from '@parley/contracts';
import { LiveSocket, type LiveConnectionEvents, type LiveStatus } from './live-socket';

/** Connections the socket opened, driven by the spec as a server would. */
const connections = () => {
  const opened: { url: string; events: LiveConnectionEvents; closed: boolean }[] = [];
  return {
    opened,
    connect: (url: string, events: LiveConnectionEvents) => {
      const connection = { url, events, closed: false };
      opened.push(connection);
      return { close: () => (connection.closed = true) };
    },
  };
};

describe('LiveSocket', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const start = () => {
    const server = connections();
    const messages: LiveMessage[] = [];
    const statuses: LiveStatus[] = [];
    let reconnected = 0;
    let token = 't1';
    const socket = new LiveSocket({
      url: () => `ws://host/api/live?access_token=${token}`,
      connect: server.connect,
      onMessage: (message) => messages.push(message),
      onReconnected: () => (reconnected += 1),
      onStatus: (status) => statuses.push(status),
      delay: (attempt) => 1000 * (attempt + 1),
    });
    socket.start();
    return {
      server,
      socket,
      messages,
      statuses,
      reconnected: () => reconnected,
      setToken: (next: string) => (token = next),
    };
  };

  it('given an open socket, when a change arrives, then it is handed over parsed', () => {
    const { server, messages, statuses } = start();
    server.opened[0].events.open();
    server.opened[0].events.message(
      JSON.stringify({ type: 'changed', conversationId: 'c1', collections: ['chats'] }),
    );
    server.opened[0].events.message('garbage');
    expect(statuses).toEqual(['connecting', 'open']);
    expect(messages).toMatchObject([{ type: 'changed', conversationId: 'c1' }]);
  });

  it('given the socket closes, then it reconnects after the backoff with the current token', () => {
    const { server, reconnected, setToken } = start();
    server.opened[0].events.open();
    server.opened[0].events.close();
    setToken('t2');
    jest.advanceTimersByTime(999);
    expect(server.opened).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(server.opened).toHaveLength(2);
    expect(server.opened[1].url).toMatch(/access_token=t2$/);
    server.opened[1].events.open();
    expect(reconnected()).toBe(1);
  });

  it('given repeated failures, then waits longer each time until one opens', () => {
    const { server } = start();
    server.opened[0].events.close();
    jest.advanceTimersByTime(1000);
    server.opened[1].events.close();
    jest.advanceTimersByTime(1999);
    expect(server.opened).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(server.opened).toHaveLength(3);
  });

  it('given stop, then the socket closes and never reconnects', () => {
    const { server, socket, statuses } = start();
    server.opened[0].events.open();
    socket.stop();
    server.opened[0].events.close();
    jest.advanceTimersByTime(60_000);
    expect(server.opened).toHaveLength(1);
    expect(server.opened[0].closed).toBe(true);
    expect(statuses.at(-1)).toBe('stopped');
  });
});
