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

export const LIVE_PATH = '/api/live';

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
  private readonly wss = new WebSocketServer({ noServer: true });
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

  /** Take WebSocket upgrades on LIVE_PATH of this HTTP server (other paths are left alone). */
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

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://gateway');
    if (url.pathname !== LIVE_PATH) return;
    const claims = this.tokens.verifyAccess(url.searchParams.get('access_token') ?? '');
    const user = claims ? this.users.findById(claims.sub) : null;
    if (!claims || !user) {
      const body = 'the access token is invalid or has expired\n';
      socket.end(
        'HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Type: text/plain\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const remainingMs = Math.max(0, claims.exp * 1000 - Date.now());
      const live: LiveSocket = {
        socket: ws,
        workspaceId: user.workspaceId,
        expiry: setTimeout(() => ws.close(CLOSE_UNAUTHORIZED, 'access token expired'), remainingMs),
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
      if (live.workspaceId === change.workspaceId)
        send(live.socket, { type: 'changed', ...change });
    }
  }
}

const send = (socket: WebSocket, message: LiveMessage): void => {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
};
