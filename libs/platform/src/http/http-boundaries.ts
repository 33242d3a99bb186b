import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { jsonBodyParser, requestBodyLimitFor } from './json-body';
import { securityHeaders } from './security-headers';

export interface HttpBoundariesOptions {
  /** The most bytes a body to a path may have; default `requestBodyLimitFor` (the HTTP API's). */
  readonly bodyLimitFor?: (path: string) => number;
}

/**
 * The HTTP boundaries of every Parley process (startNestService applies them, before the app's
 * own setup): security headers on every response, no `X-Powered-By`, and JSON-only bodies with a
 * size limit per endpoint as the only body parser. Nest's own parsers must be off
 * (`bodyParser: false`), or a form body would be parsed before this parser could refuse it.
 */
export const applyHttpBoundaries = (
  app: INestApplication,
  options: HttpBoundariesOptions = {},
): void => {
  (app as NestExpressApplication).disable('x-powered-by');
  app.use(securityHeaders());
  app.use(jsonBodyParser(options.bodyLimitFor ?? requestBodyLimitFor));
};
