import {
  ForbiddenException,
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

/**
 * For the endpoints a cookie authenticates (refresh, sign-out), against cross-site request
 * forgery beside SameSite=Strict: the request's `Origin` (or, without one, its `Referer`'s
 * origin) must be the gateway's own, `http(s)://` + the request's Host, or one of
 * PARLEY_ALLOWED_ORIGINS. Browsers send `Origin` with every POST; a request with neither header,
 * or `Origin: null`, is refused with 403 like a foreign one.
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  private readonly allowed: ReadonlySet<string>;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.allowed = new Set(
      config.PARLEY_ALLOWED_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean)
        .map((o) => new URL(o).origin),
    );
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const origin = originOf(request);
    if (origin === null)
      throw new ForbiddenException('refused: the request names no Origin (send it from the app)');
    if (this.allowed.has(origin) || isOwnOrigin(origin, request.headers.host)) return true;
    throw new ForbiddenException(`refused: requests from ${origin} may not use the session cookie`);
  }
}

const originOf = (request: Request): string | null => {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') return parsedOrigin(origin);
  if (origin === 'null') return null;
  const referer = request.headers.referer;
  return typeof referer === 'string' ? parsedOrigin(referer) : null;
};

const parsedOrigin = (text: string): string | null => {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
};

/**
 * The gateway's own origin is what the browser addressed: the Host header. The scheme is not
 * compared, since behind a TLS-terminating proxy the gateway itself sees plain HTTP; a port
 * left out on either side is the scheme's default.
 */
const isOwnOrigin = (origin: string, host: string | undefined): boolean => {
  if (!host) return false;
  let own: URL;
  try {
    own = new URL(`http://${host}`);
  } catch {
    return false;
  }
  const theirs = new URL(origin);
  if (theirs.hostname !== own.hostname) return false;
  const defaultPort = theirs.protocol === 'https:' ? '443' : '80';
  const hostPort = /:(\d+)$/.exec(host)?.[1] ?? defaultPort;
  return (theirs.port || defaultPort) === hostPort;
};
