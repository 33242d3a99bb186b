/** A failed gateway call: `status` 0 when the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The gateway's own words (`{ message }` of its error body), when it said any. */
    readonly serverMessage: string | null,
    readonly issues: readonly { readonly field: string; readonly reason: string }[] = [],
    /**
     * A failed translation or AI draft's `reason` (issue 12: 422 or 503 with
     * `{ reason, retryable }`), for words of the UI's own; null otherwise.
     */
    readonly reason: string | null = null,
  ) {
    super(serverMessage ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the gateway's error body `{ statusCode, error, message, issues?, reason? }`. `message`
 * may be a string or, from framework validation, a list of strings.
 */
export const apiErrorFromBody = (status: number, body: unknown): ApiError => {
  if (!isRecord(body)) return new ApiError(status, null);
  const { message } = body;
  const text =
    typeof message === 'string'
      ? message
      : Array.isArray(message) && message.every((m) => typeof m === 'string')
        ? message.join('; ')
        : null;
  const issues = Array.isArray(body.issues)
    ? body.issues.filter(
        (issue): issue is { field: string; reason: string } =>
          isRecord(issue) && typeof issue.field === 'string' && typeof issue.reason === 'string',
      )
    : [];
  const reason = typeof body.reason === 'string' ? body.reason : null;
  return new ApiError(status, text && text.trim() !== '' ? text : null, issues, reason);
};
