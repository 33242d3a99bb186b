import { freePort } from '@parley/test-infra';
import type { ChatMessage } from '@parley/translation-domain';
import { ChatCompletionFailed } from '../chat-completion-failure';
import type { ChatCompletionProvider } from '../chat-completion.port';
import {
  INSUFFICIENT_QUOTA,
  openAiError,
  RATE_LIMITED,
  SERVER_ERROR,
  startOpenAiStandIn,
  type OpenAiStandIn,
} from './openai-stand-in';

/** Where a provider under test is pointed: the workspace settings, and the adapter's time limit. */
export interface ChatCompletionTarget {
  readonly endpoint: string;
  readonly model: string;
  readonly apiKey?: string;
  readonly timeoutMs: number;
}

const KEY = 'sk-contract-0123456789abcdef';
const MODEL = 'gpt-4o-mini';
const TIMEOUT_MS = 400;

const prompt: ChatMessage[] = [
  { role: 'system', content: 'Draft one reply.' },
  { role: 'user', content: 'Client: how much is delivery?' },
];

const rejectionOf = async (attempt: Promise<unknown>): Promise<unknown> => {
  try {
    await attempt;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to be rejected, it resolved');
};

/** The failure a call ended with, checked to be a `ChatCompletionFailed`. */
const failureOf = async (attempt: Promise<unknown>): Promise<ChatCompletionFailed> => {
  const error = await rejectionOf(attempt);
  expect(error).toBeInstanceOf(ChatCompletionFailed);
  return error as ChatCompletionFailed;
};

/**
 * The contract of the chat-completion port (docs/style.md 15) over the OpenAI chat completions
 * protocol, run on every adapter that speaks it. `make` builds the adapter for a target; the
 * suite points it at a local stand-in of the API (`openai-stand-in.ts`) that answers as OpenAI
 * documents, failures included.
 */
export const describeChatCompletionContract = (
  adapter: string,
  make: (target: ChatCompletionTarget) => ChatCompletionProvider,
): void => {
  describe(`chat completion contract: ${adapter}`, () => {
    let api: OpenAiStandIn;
    const provider = (overrides: Partial<ChatCompletionTarget> = {}) =>
      make({
        endpoint: api.baseUrl,
        model: MODEL,
        apiKey: KEY,
        timeoutMs: TIMEOUT_MS,
        ...overrides,
      });

    beforeEach(async () => {
      api = await startOpenAiStandIn({ apiKey: KEY, models: [MODEL] });
    });

    afterEach(async () => {
      await api.close();
    });

    it('given a prompt, then one POST {endpoint}/chat/completions with model, messages, temperature, max_tokens and the key; the answer is the text, the model and the usage', async () => {
      const completion = await provider().complete({
        messages: prompt,
        temperature: 0.2,
        maxTokens: 300,
      });

      expect(api.requests).toEqual([
        {
          method: 'POST',
          path: '/v1/chat/completions',
          authorization: `Bearer ${KEY}`,
          contentType: 'application/json',
          body: { model: MODEL, messages: prompt, temperature: 0.2, max_tokens: 300 },
        },
      ]);
      expect(completion).toEqual({
        text: 'echo: Client: how much is delivery?',
        model: 'gpt-4o-mini-2024-07-18',
        usage: {
          promptTokens: expect.any(Number),
          completionTokens: expect.any(Number),
          totalTokens: expect.any(Number),
        },
        finishReason: 'stop',
      });
      expect(completion.usage!.totalTokens).toBe(
        completion.usage!.promptTokens + completion.usage!.completionTokens,
      );
    });

    it('given no temperature or token limit, then numbers are sent for both all the same', async () => {
      await provider().complete({ messages: prompt });

      const body = api.requests[0]!.body as Record<string, unknown>;
      expect(body['temperature']).toEqual(expect.any(Number));
      expect(body['max_tokens']).toEqual(expect.any(Number));
    });

    it('given no key (a local server), then no Authorization header at all', async () => {
      await api.close();
      api = await startOpenAiStandIn({ models: [MODEL] });

      await provider({ apiKey: undefined }).complete({ messages: prompt });
      await provider({ apiKey: '' }).complete({ messages: prompt });

      expect(api.requests.map((request) => request.authorization)).toEqual([null, null]);
    });

    it('given an endpoint with a trailing slash, then the same path', async () => {
      await provider({ endpoint: `${api.baseUrl}/` }).complete({ messages: prompt });

      expect(api.requests[0]!.path).toBe('/v1/chat/completions');
    });

    it('given an answer without usage or model, then usage is null and the model is the one asked for', async () => {
      api.answerNext({
        status: 200,
        body: { choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' } }] },
      });

      expect(await provider().complete({ messages: prompt })).toEqual({
        text: 'Hi',
        model: MODEL,
        usage: null,
        finishReason: null,
      });
    });

    it('given a wrong key, then invalid_credentials (401), not retryable, and the key is in no message', async () => {
      const failure = await failureOf(
        provider({ apiKey: 'sk-wrong-key-000' }).complete({ messages: prompt }),
      );

      expect(failure).toMatchObject({
        reason: 'invalid_credentials',
        status: 401,
        retryable: false,
      });
      expect(failure.message).toContain('Incorrect API key provided');
      expect(failure.message).not.toContain('sk-wrong-key-000');
    });

    it('given a 403, then invalid_credentials too', async () => {
      api.answerNext({
        status: 403,
        body: openAiError('Project does not have access to model', 'invalid_request_error', null),
      });

      expect(await failureOf(provider().complete({ messages: prompt }))).toMatchObject({
        reason: 'invalid_credentials',
        status: 403,
        retryable: false,
      });
    });

    it('given a model the server does not have, then model_not_found (404), not retryable', async () => {
      const failure = await failureOf(
        provider({ model: 'gpt-nonexistent' }).complete({ messages: prompt }),
      );

      expect(failure).toMatchObject({ reason: 'model_not_found', status: 404, retryable: false });
      expect(failure.message).toContain('The model `gpt-nonexistent` does not exist');
    });

    it('given a 429 insufficient_quota, then quota_exceeded, not retryable', async () => {
      api.answerNext(INSUFFICIENT_QUOTA);

      expect(await failureOf(provider().complete({ messages: prompt }))).toMatchObject({
        reason: 'quota_exceeded',
        status: 429,
        retryable: false,
        retryAfterMs: null,
      });
    });

    it('given a 429 rate limit with Retry-After, then rate_limited, retryable, after that many ms', async () => {
      api.answerNext(RATE_LIMITED);

      expect(await failureOf(provider().complete({ messages: prompt }))).toMatchObject({
        reason: 'rate_limited',
        status: 429,
        retryable: true,
        retryAfterMs: 2_000,
      });
    });

    it('given a 500, or a 503 with a proxy page for a body, then unavailable, retryable', async () => {
      api.answerNext(SERVER_ERROR, {
        status: 503,
        body: '<html><body>503 Service Unavailable</body></html>',
      });

      const first = await failureOf(provider().complete({ messages: prompt }));
      const second = await failureOf(provider().complete({ messages: prompt }));

      expect(first).toMatchObject({ reason: 'unavailable', status: 500, retryable: true });
      expect(first.message).toContain('The server had an error');
      expect(second).toMatchObject({ reason: 'unavailable', status: 503, retryable: true });
    });

    it('given a 400 (a prompt too long for the model), then bad_request, not retryable', async () => {
      api.answerNext({
        status: 400,
        body: openAiError(
          "This model's maximum context length is 8192 tokens.",
          'invalid_request_error',
          'context_length_exceeded',
          'messages',
        ),
      });

      expect(await failureOf(provider().complete({ messages: prompt }))).toMatchObject({
        reason: 'bad_request',
        status: 400,
        retryable: false,
      });
    });

    it('given a server that never answers, then timeout, retryable, soon after the time limit', async () => {
      api.answerNext({ hang: true });
      const started = Date.now();

      const failure = await failureOf(provider().complete({ messages: prompt }));

      expect(failure).toMatchObject({ reason: 'timeout', status: null, retryable: true });
      expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1_500);
    });

    it.each([
      ['a body that is not JSON', 'Internal proxy says hi'],
      ['JSON without choices', { id: 'x', object: 'chat.completion' }],
      ['an empty answer', { choices: [{ message: { role: 'assistant', content: '' } }] }],
      ['a null content', { choices: [{ message: { role: 'assistant', content: null } }] }],
    ])('given a 200 with %s, then bad_response, not retryable', async (_, body) => {
      api.answerNext({ status: 200, body });

      expect(await failureOf(provider().complete({ messages: prompt }))).toMatchObject({
        reason: 'bad_response',
        retryable: false,
      });
    });

    it('given nothing listening at the endpoint, then unavailable, retryable', async () => {
      const port = await freePort();

      const failure = await failureOf(
        provider({ endpoint: `http://127.0.0.1:${port}/v1` }).complete({ messages: prompt }),
      );

      expect(failure).toMatchObject({ reason: 'unavailable', status: null, retryable: true });
      expect(failure.message).toContain('ECONNREFUSED');
    });

    it('given a server that echoes the key in its error, then the message has it masked', async () => {
      api.answerNext({
        status: 401,
        body: openAiError(`key ${KEY} is revoked`, 'invalid_request_error', 'invalid_api_key'),
      });

      const failure = await failureOf(provider().complete({ messages: prompt }));

      expect(failure.message).toContain('key *** is revoked');
      expect(failure.message).not.toContain(KEY);
    });

    it('given the caller aborts, then the call ends with the caller’s reason, not a provider failure', async () => {
      api.answerNext({ hang: true });
      const controller = new AbortController();
      const call = provider({ timeoutMs: 10_000 }).complete({
        messages: prompt,
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(new Error('panel closed')), 50);

      const error = await rejectionOf(call);

      expect(error).not.toBeInstanceOf(ChatCompletionFailed);
      expect((error as Error).message).toBe('panel closed');
    });
  });
};
