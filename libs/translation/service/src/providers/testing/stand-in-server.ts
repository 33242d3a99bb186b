import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a stand-in received, as the test reads it back. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  /** The body parsed as JSON, or the raw text when it is not JSON. */
  readonly body: unknown;
}

/** What a stand-in answers one request with; `hang` never answers (until the server closes). */
export type StandInAnswer =
  { readonly status: number; readonly json: unknown } | { readonly hang: true };

/**
 * A local HTTP server on 127.0.0.1 answering each request with `answer`: the base of the
 * providers' stand-ins (docs/architecture.md: the real client library, pointed at a local
 * stand-in). Requests are recorded; hanging requests are cut when the server closes.
 */
export class StandInServer {
  readonly received: ReceivedRequest[] = [];
  private readonly server: Server;
  private readonly hanging = new Set<ServerResponse>();

  private constructor(answer: (request: ReceivedRequest) => StandInAnswer) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const url = new URL(req.url ?? '/', 'http://stand-in');
        const request: ReceivedRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: parseBody(text),
        };
        this.received.push(request);
        const reply = answer(request);
        if ('hang' in reply) {
          this.hanging.add(res);
          return;
        }
        res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(reply.json));
      });
    });
  }

  /** Starts a stand-in on a free port. */
  static async start(answer: (request: ReceivedRequest) => StandInAnswer): Promise<StandInServer> {
    const standIn = new StandInServer(answer);
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  /** `http://127.0.0.1:PORT`. */
  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const parseBody = (text: string): unknown => {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};
