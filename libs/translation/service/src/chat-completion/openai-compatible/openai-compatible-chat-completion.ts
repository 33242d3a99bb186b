import type {
  ChatCompletion,
  ChatCompletionProvider,
  ChatCompletionRequest,
  ChatCompletionUsage,
} from '../chat-completion.port';
import { ChatCompletionFailed, type ChatCompletionFailureReason } from '../chat-completion-failure';

export interface OpenAiCompatibleChatCompletionOptions {
  /**
   * The API's base URL, up to and without `/chat/completions`: `https://api.openai.com/v1`,
   * Ollama's `http://127.0.0.1:11434/v1`, vLLM's `http://host:8000/v1`.
   */
  readonly endpoint: string;
  readonly model: string;
  /** Sent as `Authorization: Bearer`; local servers usually need none. */
  readonly apiKey?: string;
  /** The whole call, answer body included, must end within this. Default 30 s. */
  readonly timeoutMs?: number;
}

export const DEFAULT_CHAT_COMPLETION_TIMEOUT_MS = 30_000;
const DEFAULT_TEMPERATURE = 0.3;
const DEFAULT_MAX_TOKENS = 800;
const MAX_DETAIL_CHARS = 300;

/**
 * A chat-completion provider over the OpenAI chat completions API
 * (`POST {endpoint}/chat/completions`), which hosted APIs and local servers (Ollama, vLLM,
 * llama.cpp, LM Studio) all speak. Uses the global `fetch`: the protocol is one POST, and no SDK
 * follows every server that copies it. Errors name the provider's message with the API key
 * masked, since some servers echo the key they refused.
 */
export class OpenAiCompatibleChatCompletion implements ChatCompletionProvider {
  private readonly url: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: OpenAiCompatibleChatCompletionOptions) {
    this.url = `${options.endpoint.replace(/\/+$/, '')}/chat/completions`;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_CHAT_COMPLETION_TIMEOUT_MS;
  }

  async complete(request: ChatCompletionRequest): Promise<ChatCompletion> {
    request.signal?.throwIfAborted();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const abortWithCaller = () => controller.abort(request.signal?.reason);
    request.signal?.addEventListener('abort', abortWithCaller, { once: true });
    let status: number;
    let headers: Headers;
    let body: string;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: this.options.model,
          messages: request.messages.map(({ role, content }) => ({ role, content })),
          temperature: request.temperature ?? DEFAULT_TEMPERATURE,
          max_tokens: request.maxTokens ?? DEFAULT_MAX_TOKENS,
        }),
        signal: controller.signal,
      });
      status = response.status;
      headers = response.headers;
      body = await response.text();
    } catch (error) {
      if (timedOut) {
        throw new ChatCompletionFailed('timeout', `no answer within ${this.timeoutMs} ms`);
      }
      if (request.signal?.aborted) throw request.signal.reason;
      throw new ChatCompletionFailed('unavailable', this.mask(networkDetail(error)));
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', abortWithCaller);
    }
    if (status < 200 || status >= 300) throw this.failure(status, headers, body);
    return this.completion(body);
  }

  /** The failure an error status stands for, with the provider's own message. */
  private failure(status: number, headers: Headers, body: string): ChatCompletionFailed {
    const error = errorOf(body);
    const detail = this.mask(
      error.message ?? (body.trim().slice(0, MAX_DETAIL_CHARS) || 'no body'),
    );
    const reason: ChatCompletionFailureReason =
      status === 429
        ? error.code === 'insufficient_quota' || error.type === 'insufficient_quota'
          ? 'quota_exceeded'
          : 'rate_limited'
        : status === 401 || status === 403
          ? 'invalid_credentials'
          : status === 404
            ? 'model_not_found'
            : status === 408
              ? 'timeout'
              : status >= 500
                ? 'unavailable'
                : 'bad_request';
    const retryAfterMs = reason === 'rate_limited' ? retryAfterOf(headers) : null;
    return new ChatCompletionFailed(reason, detail, status, retryAfterMs);
  }

  /** The completion in a 2xx body, or `bad_response`. */
  private completion(body: string): ChatCompletion {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new ChatCompletionFailed('bad_response', `not JSON: ${this.mask(body.slice(0, 80))}`);
    }
    const choice = recordAt(recordAt(parsed, 'choices', 0), 'message');
    const text = textOf(choice?.['content']);
    if (text === undefined) {
      throw new ChatCompletionFailed('bad_response', 'no text in choices[0].message.content');
    }
    const root = recordAt(parsed);
    const model = root?.['model'];
    const finishReason = recordAt(parsed, 'choices', 0)?.['finish_reason'];
    return {
      text,
      model: typeof model === 'string' && model !== '' ? model : this.options.model,
      usage: usageOf(root?.['usage']),
      finishReason: typeof finishReason === 'string' ? finishReason : null,
    };
  }

  /** `text` with the API key replaced, so no error or log carries it. */
  private mask(text: string): string {
    const key = this.options.apiKey;
    const masked = key ? text.split(key).join('***') : text;
    return masked.length > MAX_DETAIL_CHARS ? `${masked.slice(0, MAX_DETAIL_CHARS)}…` : masked;
  }
}

/** `value[path...]` when each step is an object (or an array at a number), else undefined. */
const recordAt = (
  value: unknown,
  ...path: (string | number)[]
): Record<string, unknown> | undefined => {
  let at: unknown = value;
  for (const step of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string | number, unknown>)[step];
  }
  return typeof at === 'object' && at !== null && !Array.isArray(at)
    ? (at as Record<string, unknown>)
    : undefined;
};

/**
 * The answer's text: a string, or the text parts of a content array (some servers answer
 * `[{type: 'text', text}]`). Undefined when there is none: an empty answer is a bad response.
 */
const textOf = (content: unknown): string | undefined => {
  const text =
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? content
            .map((part: unknown) => recordAt(part)?.['text'])
            .filter((part): part is string => typeof part === 'string')
            .join('')
        : '';
  return text.trim() === '' ? undefined : text;
};

const usageOf = (value: unknown): ChatCompletionUsage | null => {
  const usage = recordAt(value);
  const [prompt, completion, total] = ['prompt_tokens', 'completion_tokens', 'total_tokens'].map(
    (field) => usage?.[field],
  );
  if (typeof prompt !== 'number' || typeof completion !== 'number') return null;
  return {
    promptTokens: prompt,
    completionTokens: completion,
    totalTokens: typeof total === 'number' ? total : prompt + completion,
  };
};

/** OpenAI's error body `{error: {message, type, code}}`, as far as it is there. */
const errorOf = (body: string): { message?: string; type?: string; code?: string } => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {};
  }
  const error = recordAt(parsed, 'error');
  const field = (name: string) => {
    const value = error?.[name];
    return typeof value === 'string' ? value : undefined;
  };
  // Some servers (older Ollama, llama.cpp) answer `{error: "message"}`.
  const flat = recordAt(parsed)?.['error'];
  return {
    message: field('message') ?? (typeof flat === 'string' ? flat : undefined),
    type: field('type'),
    code: field('code'),
  };
};

/** `Retry-After` (seconds, or an HTTP date) or OpenAI's `retry-after-ms`, in ms; null when absent. */
const retryAfterOf = (headers: Headers): number | null => {
  const ms = Number(headers.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1_000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
};

/** What went wrong on the wire: `ECONNREFUSED 127.0.0.1:1`, not only "fetch failed". */
const networkDetail = (error: unknown): string => {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') {
    return `${cause.code}${typeof cause.message === 'string' ? `: ${cause.message}` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
};
