import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway.config';
import { jsonParser, urlencodedParser } from './http/json-body';
import { securityHeaders } from './http/security-headers';
import { LivePush } from './live/live-push';
import { gatewayValidationPipe } from './validation/validation-pipe';
import { serveWebApp } from './web-app/serve-web-app';

export interface ConfigureGatewayOptions {
  /** The built web app's folder (default: the config's PARLEY_WEB_DIR); false to serve none. */
  readonly webDir?: string | false;
}

/**
 * App-level setup for a process that mounts GatewayServiceModule, before it listens (pass it
 * as startNestService's `configure`): security headers on every response, JSON-only bodies
 * with a size limit per endpoint, cookies, request validation, the web app at `/` and the
 * WebSocket endpoint on the HTTP server.
 */
export const configureGateway = (
  app: INestApplication,
  options: ConfigureGatewayOptions = {},
): void => {
  const config = app.get<GatewayConfig>(GATEWAY_CONFIG);
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  app.use(securityHeaders());
  // Before Nest's own parsers would be added (at init): found by name, they are not.
  app.use(jsonParser);
  app.use(urlencodedParser);
  app.use(cookieParser());
  app.useGlobalPipes(gatewayValidationPipe());
  const webDir = options.webDir ?? config.PARLEY_WEB_DIR;
  if (webDir !== false) serveWebApp(express, webDir);
  app.get(LivePush).attach(app.getHttpServer());
};
