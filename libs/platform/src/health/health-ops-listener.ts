import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HealthRegistry, HealthReport } from './health-registry';

/** A page the ops listener serves besides `/health` and `/health/live`, e.g. an HTML status page. */
export interface HealthOpsPage {
  readonly path: string;
  readonly contentType: string;
  render(report: HealthReport): string;
}

export interface HealthOpsListener {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The ops-only port: a second, plain HTTP listener (meant for 127.0.0.1 or a private network)
 * that answers `GET /health` with the whole report (503 when down), `GET /health/live` and the
 * given pages; nothing else (404). Whoever can reach it sees paths, brokers and errors, so it
 * never shares the public port.
 */
export const startHealthOpsListener = async (options: {
  readonly registry: HealthRegistry;
  readonly port: number;
  readonly host: string;
  readonly pages?: readonly HealthOpsPage[];
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
