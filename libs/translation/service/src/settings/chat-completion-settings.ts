/**
 * A workspace's chat-completion settings: which OpenAI-compatible server, which model, which key.
 * Kept sealed at rest (`sealed-chat-completion-settings.ts`); the key is never shown back.
 */
export interface ChatCompletionSettings {
  /** The API's base URL without `/chat/completions`, no trailing slash. */
  readonly endpoint: string;
  readonly model: string;
  /** Absent for a local server that wants none. */
  readonly apiKey?: string;
}

/** One problem with submitted settings, naming the field, for a 4xx answer. */
export interface SettingsIssue {
  readonly field: 'endpoint' | 'model' | 'apiKey' | 'settings';
  readonly message: string;
}

export type SettingsValidation =
  | { readonly ok: true; readonly settings: ChatCompletionSettings }
  | { readonly ok: false; readonly issues: readonly SettingsIssue[] };

const MAX_ENDPOINT_CHARS = 2_000;
const MAX_MODEL_CHARS = 200;
const MAX_KEY_CHARS = 500;

/**
 * Checks settings as they arrive from a form or from storage, and normalises them: the endpoint
 * is an http(s) URL without credentials, query or fragment (the key has its own, sealed field;
 * `/chat/completions` is appended to the path), the model a non-empty name, the key, when
 * given, printable ASCII without spaces, as an HTTP header needs. An empty key means none.
 * Plain http is allowed: local servers (Ollama, vLLM) rarely have TLS. Issues never quote the key.
 */
export const validateChatCompletionSettings = (input: unknown): SettingsValidation => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ field: 'settings', message: 'settings must be an object' }] };
  }
  const raw = input as Record<string, unknown>;
  const issues: SettingsIssue[] = [];

  const endpoint = typeof raw['endpoint'] === 'string' ? raw['endpoint'].trim() : '';
  const endpointIssue = endpointProblem(endpoint);
  if (endpointIssue) issues.push({ field: 'endpoint', message: endpointIssue });

  const model = typeof raw['model'] === 'string' ? raw['model'].trim() : '';
  if (model === '') issues.push({ field: 'model', message: 'the model must be named' });
  else if (model.length > MAX_MODEL_CHARS || /\p{Cc}/u.test(model)) {
    issues.push({
      field: 'model',
      message: `the model name must be one line of at most ${MAX_MODEL_CHARS} characters`,
    });
  }

  const key = raw['apiKey'];
  const apiKey = typeof key === 'string' ? key.trim() : undefined;
  if (key !== undefined && key !== null && typeof key !== 'string') {
    issues.push({ field: 'apiKey', message: 'the API key must be text' });
  } else if (apiKey && (apiKey.length > MAX_KEY_CHARS || !/^[\x21-\x7e]+$/.test(apiKey))) {
    issues.push({
      field: 'apiKey',
      message: `the API key must be at most ${MAX_KEY_CHARS} printable characters without spaces`,
    });
  }

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    settings: {
      endpoint: endpoint.replace(/\/+$/, ''),
      model,
      ...(apiKey ? { apiKey } : {}),
    },
  };
};

const endpointProblem = (endpoint: string): string | undefined => {
  if (endpoint === '') return 'the endpoint must be given';
  if (endpoint.length > MAX_ENDPOINT_CHARS) return 'the endpoint is too long';
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'the endpoint must be a URL, like https://api.openai.com/v1';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'the endpoint must be an http or https URL';
  if (url.username !== '' || url.password !== '') {
    return 'the endpoint must not hold credentials: put the key in the API key field';
  }
  if (url.search !== '' || url.hash !== '') return 'the endpoint must have no query or fragment';
  return undefined;
};

/** What the settings screen may show: everything but the key, of which only whether it is set. */
export const describeChatCompletionSettings = (settings: ChatCompletionSettings) => ({
  endpoint: settings.endpoint,
  model: settings.model,
  hasApiKey: settings.apiKey !== undefined,
});
