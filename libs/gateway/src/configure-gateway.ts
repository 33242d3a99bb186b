import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { GATEWAY_CONFIG, trustProxySetting, type GatewayConfig } from './gateway.config';
import { LivePush } from './live/live-push';
import { gatewayValidationPipe } from './validation/validation-pipe';
import { serveWebApp } from './web-app/serve-web-app';

export interface ConfigureGatewayOptions {
  /** The built web app's folder (default: the config's PARLEY_WEB_DIR); false to serve none. */
  readonly webDir?: string | false;
}

/**
 * App-level setup for a process that mounts GatewayServiceModule, before it listens (pass it
 * as startNestService's `configure`): which proxies to believe (PARLEY_TRUST_PROXY), cookies, request validation, the web app at `/` and the
 * WebSocket endpoint on the HTTP server. Security headers, no X-Powered-By and JSON-only bodies
 * with a size limit per endpoint come from the platform (startNestService), as in every process.
 */
export const configureGateway = (
  app: INestApplication,
  options: ConfigureGatewayOptions = {},
): void => {
  const config = app.get<GatewayConfig>(GATEWAY_CONFIG);
  const express = app as NestExpressApplication;
  // Off by default: request.ip is then the socket's peer, which a client cannot forge.
  express.set('trust proxy', trustProxySetting(config.PARLEY_TRUST_PROXY));
  app.use(cookieParser());
  app.useGlobalPipes(gatewayValidationPipe());
  const webDir = options.webDir ?? config.PARLEY_WEB_DIR;
  if (webDir !== false) serveWebApp(express, webDir);
  app.get(LivePush).attach(app.getHttpServer());
};
