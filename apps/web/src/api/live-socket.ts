import type { LiveMessage } from '@parley/contracts';
import { parseLiveMessage } from './live-message';
import { reconnectDelay } from './reconnect-backoff';

/** What the live connection needs from a socket: events in, close out. */
export interface LiveConnectionEvents {
  readonly open: () => void;
  readonly message: (data: unknown) => void;
  /** After an error too: a close follows every failure. */
  readonly close: () => void;
}

export interface LiveConnection {
  /** Closes without reporting a close event. */
  close(): void;
}

/** Opens a socket to `url` (the browser's WebSocket in the app). */
export type ConnectLive = (url: string, events: LiveConnectionEvents) => LiveConnection;

export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'stopped';

export interface LiveSocketOptions {
  /**
   * The URL to connect to now, with a fresh one-time ticket (each connection needs its own; a
   * rejection counts as a failed attempt and is retried after the backoff).
   */
  readonly url: () => Promise<string>;
  readonly connect: ConnectLive;
  readonly onMessage: (message: LiveMessage) => void;
  /**
   * The connection is open, the first time too: what changed while no socket was listening (after
   * the screen's first fetch and before the first open, or during a gap) was never pushed to it,
   * so the screen refetches. A chat that arrived while the page connected showed only on reload.
   */
  readonly onConnected: () => void;
  readonly onStatus?: (status: LiveStatus) => void;
  readonly delay?: (attempt: number) => number;
}

/**
 * The WebSocket to /api/live (with a one-time ticket per connection): reconnects with backoff after every close until stopped, and says
 * each time it opens so the screen can refetch what it may have missed. No polling.
 */
export class LiveSocket {
  private socket: LiveConnection | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private stopped = true;
  /** Bumped by every open and stop: an URL that arrives for an older one is dropped. */
  private generation = 0;

  constructor(private readonly options: LiveSocketOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open('connecting');
  }

  stop(): void {
    this.stopped = true;
    this.generation += 1;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.options.onStatus?.('stopped');
  }

  private open(status: LiveStatus): void {
    this.options.onStatus?.(status);
    this.generation += 1;
    const generation = this.generation;
    const current = () => !this.stopped && generation === this.generation;
    let url: Promise<string>;
    try {
      url = this.options.url();
    } catch (e) {
      url = Promise.reject(e);
    }
    url.then(
      (ready) => {
        if (current()) this.connect(ready);
      },
      () => {
        if (current()) this.scheduleReconnect();
      },
    );
  }

  private connect(url: string): void {
    let socket: LiveConnection | null = null;
    const isCurrent = () => socket !== null && this.socket === socket;
    try {
      socket = this.options.connect(url, {
        open: () => {
          if (!isCurrent()) return;
          this.attempt = 0;
          this.options.onStatus?.('open');
          this.options.onConnected();
        },
        message: (data) => {
          if (!isCurrent()) return;
          const message = parseLiveMessage(data);
          if (message) this.options.onMessage(message);
        },
        close: () => {
          if (!isCurrent()) return;
          this.socket = null;
          this.scheduleReconnect();
        },
      });
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.options.onStatus?.('reconnecting');
    const wait = (this.options.delay ?? reconnectDelay)(this.attempt);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.open('reconnecting');
    }, wait);
  }
}
