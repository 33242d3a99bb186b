import { HttpException } from '@nestjs/common';
import { REQUEST_BODY_LIMITS } from '@parley/contracts';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';

/**
 * The most bytes a body to `path` may have (REQUEST_BODY_LIMITS of the HTTP API): small for
 * sessions, more for a message, a template or a robot's rule, Telegram's updates at the webhook,
 * little anywhere else.
 */
export const requestBodyLimitFor = (path: string): number => {
  if (/^\/api\/auth\//.test(path)) return REQUEST_BODY_LIMITS.auth;
  if (/^\/api\/chats\/[^/]+\/messages\/?$/.test(path)) return REQUEST_BODY_LIMITS.message;
  // A template's text is a message's text.
  if (/^\/api\/templates(\/preview|\/[^/]+)?\/?$/.test(path)) return REQUEST_BODY_LIMITS.message;
  // A robot's rule holds texts too (a note, a task, keywords, patterns).
  if (/^\/api\/robots\/rules(\/[^/]+)?\/?$/.test(path)) return REQUEST_BODY_LIMITS.message;
  if (/^\/channels\/telegram\/webhook\/?$/.test(path)) return REQUEST_BODY_LIMITS.telegramWebhook;
  return REQUEST_BODY_LIMITS.other;
};

/**
 * Routes that read their body themselves, as a stream of bytes: a manager's attachment
 * (`POST /api/chats/:conversationId/attachments`) and a template's file (`POST
 * /api/templates/attachments`, issue 13), stored as they arrive with their own limit.
 */
const STREAMED_BODY_PATHS: readonly RegExp[] = [
  /^\/api\/chats\/[^/]+\/attachments\/?$/,
  /^\/api\/templates\/attachments\/?$/,
];

export const readsItsOwnBody = (request: Request): boolean =>
  request.method === 'POST' && STREAMED_BODY_PATHS.some((path) => path.test(request.path));

/** Whether the request carries a body (a declared length above 0, or a chunked one). */
const hasBody = (request: Request): boolean => {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(request.headers['content-length'] ?? '0');
  return !Number.isFinite(length) || length > 0;
};

const JSON_TYPES = ['application/json', 'application/*+json'];

const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
};

/** The API's error `{statusCode, error, message, issues}` for a body refused before any route. */
const refusal = (statusCode: 400 | 413 | 415, field: string, reason: string): HttpException =>
  new HttpException(
    { statusCode, error: REASON_PHRASES[statusCode], message: reason, issues: [{ field, reason }] },
    statusCode,
  );

interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
  readonly limit?: number;
  readonly charset?: string;
}

type BodyParser = ReturnType<typeof express.json>;

/** A request whose JSON body was parsed here: `rawBody` holds the bytes as they came. */
export interface RequestWithRawBody extends Request {
  rawBody?: Buffer;
}

/** Keeps the body's bytes beside the parsed value, for a route that checks a signature of them. */
const keepRawBody = (request: RequestWithRawBody, _response: unknown, body: Buffer): void => {
  request.rawBody = body;
};

/**
 * The only body parser of a Parley HTTP process (startNestService turns Nest's own off):
 * JSON objects or arrays, nothing else (a form or text body is refused with 415), at most
 * `limitFor(path)` bytes (413), broken JSON 400; each refusal an HttpException in the API's
 * error shape, passed on with `next(error)` to Nest's exception filters, so a filter of the
 * Telegram webhook can answer its own path.
 */
export const jsonBodyParser = (
  limitFor: (path: string) => number = requestBodyLimitFor,
): RequestHandler => {
  const parsers = new Map<number, BodyParser>();
  const parserFor = (limit: number): BodyParser => {
    let parser = parsers.get(limit);
    if (!parser) {
      parser = express.json({ limit, strict: true, type: () => true, verify: keepRawBody });
      parsers.set(limit, parser);
    }
    return parser;
  };
  return (request, response, next) => parseJsonBody(request, response, next, limitFor, parserFor);
};

const parseJsonBody = (
  request: Request,
  response: Response,
  next: NextFunction,
  limitFor: (path: string) => number,
  parserFor: (limit: number) => BodyParser,
): void => {
  if (!hasBody(request) || readsItsOwnBody(request)) return next();
  if (!request.is(JSON_TYPES)) {
    const type = request.headers['content-type'];
    const reason = `the body must be JSON (content-type: application/json), not ${
      type ? JSON.stringify(type) : 'untyped'
    }`;
    return next(refusal(415, 'content-type', reason));
  }
  const limit = limitFor(request.path);
  parserFor(limit)(request, response, (error?: unknown) => {
    if (!error) return next();
    const e = error as BodyParserError;
    if (e.type === 'entity.too.large') {
      next(
        refusal(
          413,
          'body',
          `the body is larger than ${limit} bytes, the most this endpoint takes`,
        ),
      );
    } else if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') {
      const what = e.charset ?? 'this encoding';
      next(refusal(415, 'content-type', `the body must be UTF-8 JSON (${what} is not taken)`));
    } else if (e.type === 'entity.parse.failed') {
      next(refusal(400, 'body', 'the body is not a JSON object or array'));
    } else if (e.type === 'request.aborted') {
      response.destroy();
    } else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      next(refusal(400, 'body', 'the body could not be read'));
    } else {
      next(error);
    }
  });
};
