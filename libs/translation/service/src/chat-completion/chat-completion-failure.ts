/**
 * Why a chat completion failed:
 * - `quota_exceeded`: the account has no credit left (OpenAI's 429 `insufficient_quota`). Not
 *   retryable, unlike a translation quota that refills by itself: someone has to pay or raise it;
 * - `rate_limited`: too many requests or tokens per minute (429 otherwise): retryable, after
 *   `retryAfterMs` when the provider says;
 * - `invalid_credentials`: the API key is missing, wrong or not allowed (401, 403);
 * - `model_not_found`: no such model at this endpoint, or no access to it (404);
 * - `bad_request`: the provider refused the request itself (other 4xx: a prompt too long for the
 *   model, a parameter it does not take);
 * - `unavailable`: the endpoint cannot be reached (refused, reset, unknown host) or answered 5xx;
 * - `timeout`: no whole answer within the adapter's time limit;
 * - `bad_response`: an answer that is not a chat completion (not JSON, no text).
 */
export type ChatCompletionFailureReason =
  | 'quota_exceeded'
  | 'rate_limited'
  | 'invalid_credentials'
  | 'model_not_found'
  | 'bad_request'
  | 'unavailable'
  | 'timeout'
  | 'bad_response';

/** Whether the same request may succeed later without anyone changing a setting. */
export const isRetryableChatCompletionFailure = (reason: ChatCompletionFailureReason): boolean => {
  switch (reason) {
    case 'rate_limited':
    case 'unavailable':
    case 'timeout':
      return true;
    case 'quota_exceeded':
    case 'invalid_credentials':
    case 'model_not_found':
    case 'bad_request':
    case 'bad_response':
      return false;
    default: {
      const _exhaustive: never = reason;
      return _exhaustive;
    }
  }
};

/** A chat completion that failed, with the reason and whether a retry may help. */
export class ChatCompletionFailed extends Error {
  readonly retryable: boolean;

  constructor(
    readonly reason: ChatCompletionFailureReason,
    detail: string,
    /** The HTTP status answered, or null when none was (timeout, connection refused). */
    readonly status: number | null = null,
    /** How long the provider asked to wait before a retry, when it said. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(
      `chat completion failed (${reason}${status === null ? '' : `, HTTP ${status}`}): ${detail}`,
    );
    this.name = 'ChatCompletionFailed';
    this.retryable = isRetryableChatCompletionFailure(reason);
  }
}
