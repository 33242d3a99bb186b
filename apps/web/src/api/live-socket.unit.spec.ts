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

/** Lets the URL promises (the ticket requests) settle. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

describe('LiveSocket', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const start = async (ticketFails = 0) => {
    const server = connections();
    const messages: LiveMessage[] = [];
    const statuses: LiveStatus[] = [];
    let connected = 0;
    let ticket = 0;
    let failures = ticketFails;
    const socket = new LiveSocket({
      url: async () => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('401');
        }
        ticket += 1;
        return `ws://host/api/live?ticket=t${ticket}`;
      },
      connect: server.connect,
      onMessage: (message) => messages.push(message),
      onConnected: () => (connected += 1),
      onStatus: (status) => statuses.push(status),
      delay: (attempt) => 1000 * (attempt + 1),
    });
    socket.start();
    await settle();
    return { server, socket, messages, statuses, connected: () => connected };
  };

  it('given an open socket, when a change arrives, then it is handed over parsed', async () => {
    const { server, messages, statuses } = await start();
    server.opened[0].events.open();
    server.opened[0].events.message(
      JSON.stringify({ type: 'changed', conversationId: 'c1', collections: ['chats'] }),
    );
    server.opened[0].events.message('garbage');
    expect(statuses).toEqual(['connecting', 'open']);
    expect(messages).toMatchObject([{ type: 'changed', conversationId: 'c1' }]);
  });

  it('given the socket closes, then it reconnects after the backoff with a new ticket, and each open asks for a refetch', async () => {
    const { server, connected } = await start();
    expect(server.opened[0].url).toMatch(/\?ticket=t1$/);
    server.opened[0].events.open();
    // The first open too: a change made before it was never pushed to this socket.
    expect(connected()).toBe(1);
    server.opened[0].events.close();
    jest.advanceTimersByTime(999);
    await settle();
    expect(server.opened).toHaveLength(1);
    jest.advanceTimersByTime(1);
    await settle();
    expect(server.opened).toHaveLength(2);
    expect(server.opened[1].url).toMatch(/\?ticket=t2$/);
    server.opened[1].events.open();
    expect(connected()).toBe(2);
  });

  it('given repeated failures, then waits longer each time until one opens', async () => {
    const { server } = await start();
    server.opened[0].events.close();
    jest.advanceTimersByTime(1000);
    await settle();
    server.opened[1].events.close();
    jest.advanceTimersByTime(1999);
    await settle();
    expect(server.opened).toHaveLength(2);
    jest.advanceTimersByTime(1);
    await settle();
    expect(server.opened).toHaveLength(3);
  });

  it('given no ticket can be had, then it retries after the backoff without opening a socket', async () => {
    const { server, statuses } = await start(1);
    expect(server.opened).toHaveLength(0);
    expect(statuses).toEqual(['connecting', 'reconnecting']);
    jest.advanceTimersByTime(1000);
    await settle();
    expect(server.opened).toHaveLength(1);
    expect(server.opened[0].url).toMatch(/\?ticket=t1$/);
  });

  it('given stop while the ticket is on its way, then no socket is opened', async () => {
    const server = connections();
    let deliver: (url: string) => void = () => undefined;
    const socket = new LiveSocket({
      url: () => new Promise<string>((resolve) => (deliver = resolve)),
      connect: server.connect,
      onMessage: () => undefined,
      onConnected: () => undefined,
    });
    socket.start();
    socket.stop();
    deliver('ws://host/api/live?ticket=late');
    await settle();
    expect(server.opened).toHaveLength(0);
  });

  it('given stop, then the socket closes and never reconnects', async () => {
    const { server, socket, statuses } = await start();
    server.opened[0].events.open();
    socket.stop();
    server.opened[0].events.close();
    jest.advanceTimersByTime(60_000);
    expect(server.opened).toHaveLength(1);
    expect(server.opened[0].closed).toBe(true);
    expect(statuses.at(-1)).toBe('stopped');
  });
});
