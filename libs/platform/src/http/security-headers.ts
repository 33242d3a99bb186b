import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The web app's content security policy: everything from this origin (the built scripts and
 * stylesheets, the API, the live socket on the same host), images also as data: URLs, nothing
 * inline, no frames, no plugins. React's `style={...}` props set styles through the DOM, which
 * the policy allows; inline `<style>` or `<script>` would be refused.
 */
const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
} as const;

/**
 * Pages rendered by the server with their styles inline and no script: `npm start`'s status page.
 * They get the same policy with inline styles allowed, and nothing else does.
 */
const INLINE_STYLE_PAGES: ReadonlySet<string> = new Set(['/health/status']);

const helmetWith = (styleSrc: readonly string[]): ReturnType<typeof helmet> =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CONTENT_SECURITY_POLICY, 'style-src': styleSrc },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });

/**
 * Security headers on every response (helmet): the policy above, no sniffing, no framing,
 * same-origin resource and opener policies, no referrer to other sites. No
 * `upgrade-insecure-requests`: `npm start` serves plain HTTP on the LAN, where it would break the
 * app; Strict-Transport-Security is sent and only counts when a TLS proxy serves Parley.
 */
export const securityHeaders = (): RequestHandler => {
  const strict = helmetWith(CONTENT_SECURITY_POLICY['style-src']);
  const inlineStyles = helmetWith(["'self'", "'unsafe-inline'"]);
  return (request, response, next) =>
    (INLINE_STYLE_PAGES.has(request.path) ? inlineStyles : strict)(request, response, next);
};
