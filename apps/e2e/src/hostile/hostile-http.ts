import { Agent, request } from 'node:http';
import { connect } from 'node:net';

/** One HTTP request as the hostile suite sends it: any method, path, headers and body bytes. */
export interface HostileRequest {
  /** Which public endpoint this request is aimed at (for the tally). */
  readonly endpoint: string;
  readonly method: string;
  /** Path and query, as sent (printable ASCII: what Node's client lets through). */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HostileAnswer {
  readonly status: number;
  readonly body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** Send it and read the whole answer; a connection closed without one rejects. */
export const sendHostile = (baseUrl: string, req: HostileRequest): Promise<HostileAnswer> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(baseUrl);
    const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
    const outgoing = request(
      {
        agent,
        host: hostname,
        port: Number(port),
        method: req.method,
        path: req.path,
        headers: {
          ...req.headers,
          ...(body !== undefined && { 'content-length': String(body.length) }),
        },
        timeout: 15_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 15 s')));
    outgoing.on('error', reject);
    outgoing.end(body);
  });

/** Close the suite's kept-alive connections. */
export const closeHostileConnections = (): void => agent.destroy();

export interface RawAnswer {
  /** The status of the first answer line, 0 when none came. */
  readonly status: number;
  /** Whether the server closed the connection (a refused upgrade must). */
  readonly closed: boolean;
  readonly text: string;
}

/**
 * Write raw bytes (a request Node's client would never send) and read what comes back: until
 * the server closes, or, after a 101 (an accepted upgrade), at once.
 */
export const sendRaw = (baseUrl: string, bytes: Buffer, timeoutMs = 5_000): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(baseUrl);
    let text = '';
    let done = false;
    const finish = (closed: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: status ? Number(status[1]) : 0, closed, text });
    };
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (/^HTTP\/1\.1 101 /.test(text)) finish(false);
      // Taken for plain HTTP and kept alive: the answer is in once its head and a moment passed.
      else if (/\r\nconnection: keep-alive\r\n[\s\S]*\r\n\r\n/i.test(text)) {
        setTimeout(() => finish(false), 100);
      }
    });
    socket.on('close', () => finish(true));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      // A server that answered and closed may reset a connection still being written to.
      if (e.code === 'ECONNRESET' || e.code === 'EPIPE') finish(true);
      else if (!done) reject(e);
    });
    const timer = setTimeout(() => finish(false), timeoutMs);
  });
