import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in of the OpenAI chat completions API
 * (https://platform.openai.com/docs/api-reference/chat/create), for tests only: it answers
 * `POST /v1/chat/completions` with the documented payloads (`choices[0].message.content`,
 * `usage`; errors as `{error: {message, type, param, code}}`), or with what a test scripts.
 */

/** One request the stand-in received. */
export interface StandInRequest {
  readonly method: string;
  readonly path: string;
  /** The `Authorization` header, or null when none was sent. */
  readonly authorization: string | null;
  readonly contentType: string | null;
  /** The body, parsed when it was JSON. */
  readonly body: unknown;
}

/** A scripted answer: a status with a body (JSON, or a raw string sent as is), or no answer. */
export type StandInAnswer =
  | {
      readonly status: number;
      readonly body: unknown;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly hang: true };

export interface OpenAiStandInOptions {
  /** The only key accepted; others get OpenAI's 401 `invalid_api_key`. Unset: any or none. */
  readonly apiKey?: string;
  /** Models that exist; others get OpenAI's 404 `model_not_found`. Unset: any. */
  readonly models?: readonly string[];
}

export interface OpenAiStandIn {
  /** `http://127.0.0.1:{port}/v1`: the endpoint setting to give an adapter. */
  readonly baseUrl: string;
  readonly requests: readonly StandInRequest[];
  /** Answer the next requests with these, in order, instead of the usual answer. */
  answerNext(...answers: StandInAnswer[]): void;
  close(): Promise<void>;
}

/** OpenAI's error body. */
export const openAiError = (
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
) => ({ error: { message, type, param, code } });

export const INSUFFICIENT_QUOTA: StandInAnswer = {
  status: 429,
  body: openAiError(
    'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
    'insufficient_quota',
    'insufficient_quota',
  ),
};

export const RATE_LIMITED: StandInAnswer = {
  status: 429,
  headers: { 'retry-after': '2' },
  body: openAiError(
    'Rate limit reached for gpt-4o-mini in organization org-standin on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 2s.',
    'requests',
    'rate_limit_exceeded',
  ),
};

export const SERVER_ERROR: StandInAnswer = {
  status: 500,
  body: openAiError(
    'The server had an error while processing your request. Sorry about that!',
    'server_error',
    null,
  ),
};

/** The key as OpenAI shows it in a 401: its first and last characters only. */
const maskedKey = (key: string) =>
  `${key.slice(0, 3)}${'*'.repeat(Math.max(key.length - 7, 0))}${key.slice(-4)}`;

/** The last message's content, shortened: what the usual answer echoes. */
const lastContent = (body: unknown): string => {
  const messages = (body as { messages?: { content?: unknown }[] } | null)?.messages;
  const content = Array.isArray(messages) ? messages.at(-1)?.content : undefined;
  return typeof content === 'string' ? content.slice(0, 200) : '';
};

export const startOpenAiStandIn = async (
  options: OpenAiStandInOptions = {},
): Promise<OpenAiStandIn> => {
  const requests: StandInRequest[] = [];
  const scripted: StandInAnswer[] = [];
  const hanging = new Set<ServerResponse>();

  const send = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
    res.writeHead(status, {
      'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
      ...headers,
    });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

  const usualAnswer = (res: ServerResponse, request: StandInRequest) => {
    if (request.method !== 'POST' || request.path !== '/v1/chat/completions') {
      return send(
        res,
        404,
        openAiError(
          `Invalid URL (${request.method} ${request.path})`,
          'invalid_request_error',
          null,
        ),
      );
    }
    const expected = options.apiKey === undefined ? undefined : `Bearer ${options.apiKey}`;
    if (expected !== undefined && request.authorization !== expected) {
      const given = request.authorization?.replace(/^Bearer /, '') ?? '';
      return send(
        res,
        401,
        given === ''
          ? openAiError(
              "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
              'invalid_request_error',
              null,
            )
          : openAiError(
              `Incorrect API key provided: ${maskedKey(given)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
              'invalid_request_error',
              'invalid_api_key',
            ),
      );
    }
    const body = request.body as { model?: unknown } | null;
    const model = typeof body?.model === 'string' ? body.model : '';
    if (options.models && !options.models.includes(model)) {
      return send(
        res,
        404,
        openAiError(
          `The model \`${model}\` does not exist or you do not have access to it.`,
          'invalid_request_error',
          'model_not_found',
        ),
      );
    }
    const content = `echo: ${lastContent(request.body)}`;
    const promptTokens = Math.ceil(JSON.stringify(request.body).length / 4);
    const completionTokens = Math.ceil(content.length / 4);
    return send(res, 200, {
      id: `chatcmpl-standin${requests.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1_000),
      model: `${model}-2024-07-18`,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
      },
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = raw;
    try {
      body = JSON.parse(raw);
    } catch {
      // kept as the raw text
    }
    const request: StandInRequest = {
      method: req.method ?? '',
      path: new URL(req.url ?? '/', 'http://stand-in').pathname,
      authorization: req.headers.authorization ?? null,
      contentType: req.headers['content-type'] ?? null,
      body,
    };
    requests.push(request);
    const answer = scripted.shift();
    if (answer === undefined) return usualAnswer(res, request);
    if ('hang' in answer) {
      hanging.add(res);
      return;
    }
    return send(res, answer.status, answer.body, answer.headers);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    answerNext: (...answers) => {
      scripted.push(...answers);
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
