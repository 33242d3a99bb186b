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
import { TokenService } from '../auth/token-service';
import { UserDirectory } from '../users/user-directory';
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
  readonly workspaceId: string;
  readonly expiry: NodeJS.Timeout;
}

/**
 * Live push (L6): browsers connect to `/api/live?access_token=...` and hear about every
 * read-model change of their workspace. This gateway instance reads the change notifications
 * with a consumer group of its own, so every replica gets every change for its own sockets.
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
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(UserDirectory) private readonly users: UserDirectory,
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

  /**
   * Every upgrade gets an answer and nothing it holds can throw out of here: a Node `upgrade`
   * listener that throws stops the process, and the raw socket has no error listener of its own.
   */
  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    try {
      this.accept(request, socket, head);
    } catch (e) {
      this.logger.error(`upgrade of ${JSON.stringify(request.url)} failed`, (e as Error).stack);
      refuse(socket, 500, 'Internal Server Error', 'the upgrade failed\n');
    }
  }

  private accept(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const target = upgradeTarget(request.url);
    if (target.path !== LIVE_PATH) {
      refuse(socket, 404, 'Not Found', `no WebSocket endpoint here: connect to ${LIVE_PATH}\n`);
      return;
    }
    const claims = this.tokens.verifyAccess(target.accessToken);
    const user = claims ? this.users.findById(claims.sub) : null;
    if (!claims || !user) {
      refuse(socket, 401, 'Unauthorized', 'the access token is invalid or has expired\n');
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const remainingMs = Math.min(Math.max(0, claims.exp * 1000 - Date.now()), 2 ** 31 - 1);
      const live: LiveSocket = {
        socket: ws,
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
