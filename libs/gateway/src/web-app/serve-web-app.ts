import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Paths the web app's SPA fallback never answers: the API, health and channel webhooks. */
const NOT_THE_WEB_APP = /^\/(api|health|channels)(\/|$)/;

/** The repository root: the nearest folder above `from` with an nx.json, else the cwd. */
export const repositoryRoot = (from: string = __dirname): string => {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
};

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parley</title></head>
<body><h1>Parley</h1><p>The web app is not built yet: run <code>npm run build:web</code>, then reload.</p>
<p>The API is at <code>/api</code>, health at <a href="/health">/health</a>.</p></body></html>
`;

/**
 * Serve the built web app at `/`: its files as they are, and index.html for any other GET that
 * is not the API, health or a channel (client-side routes). Without a build, GET `/` answers a
 * page that says how to build it.
 */
export const serveWebApp = (app: NestExpressApplication, webDir: string): void => {
  const dir = path.resolve(repositoryRoot(), webDir);
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    app.use((request: Request, response: Response, next: NextFunction) => {
      if (request.method !== 'GET' || request.path !== '/') return next();
      response.status(200).type('html').send(NOT_BUILT_PAGE);
    });
    return;
  }
  app.useStaticAssets(dir, { index: false, fallthrough: true });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (NOT_THE_WEB_APP.test(request.path)) return next();
    response.sendFile(index);
  });
};
