import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HealthRegistry, HealthReport } from './health-registry';

/** A page the ops listener serves besides `/health` and `/health/live`, e.g. an HTML status page. */
export interface HealthOpsPage {
  readonly path: string;
  readonly contentType: string;
  render(report: HealthReport): string;
}

/**
 * An operation the ops port runs on request: `POST <path><argument>`, e.g. `POST /ops/rebuild/chats`
 * (O4). It answers with the status and JSON body `run` gives, 500 with the error if it throws.
 */
export interface HealthOpsAction {
  /** A prefix ending in '/': the rest of the path is the argument. */
  readonly path: string;
  run(argument: string): Promise<{ readonly status: number; readonly body: unknown }>;
}

export interface HealthOpsListener {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The ops-only port: a second, plain HTTP listener (meant for 127.0.0.1 or a private network)
 * that answers `GET /health` with the whole report (503 when down), `GET /health/live` and the
 * given pages, and runs the given actions on POST (HealthOpsAction); nothing else (404, 405). Whoever can reach it sees paths, brokers and errors, so it
 * never shares the public port.
 */
export const startHealthOpsListener = async (options: {
  readonly registry: HealthRegistry;
  readonly port: number;
  readonly host: string;
  readonly pages?: readonly HealthOpsPage[];
  readonly actions?: readonly HealthOpsAction[];
}): Promise<HealthOpsListener> => {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    const answer = (status: number, contentType: string, body: string): void => {
      response.writeHead(status, {
        'content-type': contentType,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      response.end(body);
    };
    const action = options.actions?.find((a) => path?.startsWith(a.path));
    if (request.method === 'POST' && action && path) {
      const argument = decodeURIComponent(path.slice(action.path.length));
      action.run(argument).then(
        (result) => answer(result.status, 'application/json', JSON.stringify(result.body)),
        (e: unknown) =>
          answer(
            500,
            'application/json',
            JSON.stringify({ error: (e as Error).message ?? String(e) }),
          ),
      );
      return;
    }
    if (request.method !== 'GET') return answer(405, 'text/plain', 'GET only\n');
    if (path === '/health/live') return answer(200, 'application/json', '{"status":"up"}');
    const page = path === '/health' ? null : options.pages?.find((p) => p.path === path);
    if (path !== '/health' && !page) return answer(404, 'text/plain', 'not here\n');
    options.registry.report().then(
      (report) =>
        page
          ? answer(200, page.contentType, page.render(report))
          : answer(report.status === 'up' ? 200 : 503, 'application/json', JSON.stringify(report)),
      (e: unknown) => answer(500, 'text/plain', `health report failed: ${String(e)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
