import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Bus, BusSubscription, DeliveredMessage } from '@parley/bus';
import {
  newId,
  READ_MODEL_CHANGES_TOPIC,
  type LiveMessage,
  type ReadModelChange,
} from '@parley/contracts';
import { BUS } from '@parley/platform';
import { WebSocket, WebSocketServer } from 'ws';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { UserDirectory } from '../users/user-directory';
import { LiveTickets } from './live-tickets';
import { upgradeTarget } from './upgrade-target';

export const LIVE_PATH = '/api/live';

/**
 * The largest frame a browser may send, in bytes. Live push only speaks to the browser, which
 * sends nothing but control frames; a bigger frame closes the socket with 1009.
 */
export const LIVE_MAX_PAYLOAD = 1024;

/** Close code for a session whose access token expired while connected. */
export const CLOSE_UNAUTHORIZED = 4401;

interface LiveSocket {
  readonly socket: WebSocket;
  readonly userId: string;
  readonly workspaceId: string;
  readonly expiry: NodeJS.Timeout;
}

/**
 * Live push (L6): browsers get a one-time ticket (`POST /api/live/ticket`), connect to
 * `/api/live?ticket=...` and hear about every read-model change of their workspace, until
 * the access token the ticket was issued for expires (then CLOSE_UNAUTHORIZED). At most
 * LIVE_CONNECTIONS_PER_USER sockets per user on this replica. This gateway instance reads the
 * change notifications with a consumer group of its own, so every replica gets every change for
 * its own sockets.
 */
@Injectable()
export class LivePush implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LivePush');
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: LIVE_MAX_PAYLOAD });
  private readonly sockets = new Set<LiveSocket>();
  private subscription?: BusSubscription;
  private server?: Server;
  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void =>
    this.upgrade(request, socket, head);

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(LiveTickets) private readonly tickets: LiveTickets,
    @Inject(UserDirectory) private readonly users: UserDirectory,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Take this HTTP server's WebSocket upgrades: LIVE_PATH's; any other path is refused. */
  attach(server: Server): void {
    this.server = server;
    server.on('upgrade', this.onUpgrade);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      groupId: `gateway-live-${newId()}`,
      topics: [READ_MODEL_CHANGES_TOPIC],
      fromBeginning: false,
      maxAttempts: 1,
      handler: async (message) => this.push(message),
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.server?.off('upgrade', this.onUpgrade);
    for (const live of this.sockets) {
      clearTimeout(live.expiry);
      live.socket.close(1001, 'server shutting down');
    }
    this.sockets.clear();
    await this.subscription?.close();
    this.subscription = undefined;
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  /** How many sockets are open (for tests and health). */
  get connections(): number {
    return this.sockets.size;
  }

  private connectionsOf(userId: string): number {
    let count = 0;
    for (const live of this.sockets) if (live.userId === userId) count += 1;
    return count;
  }

  /**
   * Every upgrade gets an answer and nothing it holds can throw out of here: a Node `upgrade`
   * listener that throws stops the process, and the raw socket has no error listener of its own.
   */
  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const failed = (e: unknown): void => {
      // The target is logged without its query: it holds the ticket.
      const path = upgradeTarget(request.url).path;
      this.logger.error(`upgrade of ${JSON.stringify(path)} failed`, (e as Error)?.stack);
      refuse(socket, 500, 'Internal Server Error', 'the upgrade failed\n');
    };
    try {
      this.accept(request, socket, head).catch(failed);
    } catch (e) {
      failed(e);
    }
  }

  private async accept(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const target = upgradeTarget(request.url);
    if (target.path !== LIVE_PATH) {
      refuse(socket, 404, 'Not Found', `no WebSocket endpoint here: connect to ${LIVE_PATH}\n`);
      return;
    }
    // A handshake ws would refuse must not use up the ticket: the same checks, first.
    if (!isWebSocketHandshake(request)) {
      refuse(socket, 400, 'Bad Request', 'not a WebSocket handshake\n');
      return;
    }
    const holder = target.ticket ? await this.tickets.redeem(target.ticket) : null;
    const user = holder ? this.users.findById(holder.userId) : null;
    if (!holder || !user || holder.accessTokenExpiresAt * 1000 <= Date.now()) {
      refuse(
        socket,
        401,
        'Unauthorized',
        'the ticket is unknown, used or expired: get one from POST /api/live/ticket\n',
      );
      return;
    }
    const cap = this.config.LIVE_CONNECTIONS_PER_USER;
    if (this.connectionsOf(user.id) >= cap) {
      refuse(
        socket,
        429,
        'Too Many Requests',
        `this user already has ${cap} live connections open: close one first\n`,
      );
      return;
    }
    if (socket.destroyed) return;
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const remainingMs = Math.min(
        Math.max(0, holder.accessTokenExpiresAt * 1000 - Date.now()),
        2 ** 31 - 1,
      );
      const live: LiveSocket = {
        socket: ws,
        userId: user.id,
        workspaceId: user.workspaceId,
        expiry: setTimeout(
          () => closeQuietly(ws, CLOSE_UNAUTHORIZED, 'access token expired'),
          remainingMs,
        ),
      };
      this.sockets.add(live);
      ws.on('close', () => {
        clearTimeout(live.expiry);
        this.sockets.delete(live);
      });
      ws.on('error', () => ws.terminate());
      send(ws, { type: 'hello', userId: user.id });
    });
  }

  private push(message: DeliveredMessage): void {
    const change = message.value as ReadModelChange | null;
    if (!change || typeof change.workspaceId !== 'string') {
      this.logger.warn(`ignored a malformed change on ${message.topic}@${message.offset}`);
      return;
    }
    for (const live of this.sockets) {
      if (live.workspaceId !== change.workspaceId) continue;
      try {
        send(live.socket, { type: 'changed', ...change });
      } catch (e) {
        this.logger.warn(`could not push ${message.topic}@${message.offset}: ${String(e)}`);
        live.socket.terminate();
      }
    }
  }
}

const send = (socket: WebSocket, message: LiveMessage): void => {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
};

/** What `ws` checks of a handshake before it upgrades (its `handleUpgrade`), checked first. */
const isWebSocketHandshake = (request: IncomingMessage): boolean => {
  const key = request.headers['sec-websocket-key'];
  const version = request.headers['sec-websocket-version'];
  return (
    request.method === 'GET' &&
    (request.headers.upgrade ?? '').toLowerCase() === 'websocket' &&
    typeof key === 'string' &&
    /^[+/0-9A-Za-z]{22}==$/.test(key) &&
    (version === '8' || version === '13')
  );
};

/** Close a socket; one that is already going away is left to go. */
const closeQuietly = (socket: WebSocket, code: number, reason: string): void => {
  try {
    socket.close(code, reason);
  } catch {
    socket.terminate();
  }
};

/** Answer an upgrade with a plain HTTP refusal and close the connection. */
const refuse = (socket: Duplex, status: number, phrase: string, body: string): void => {
  if (socket.destroyed) return;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${phrase}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
};
