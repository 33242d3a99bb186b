import type { SignInResponse } from '@parley/contracts';
import { ApiError, apiErrorFromBody } from './api-error';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const REFRESH_PATH = '/api/auth/refresh';

export interface HttpClientOptions {
  readonly fetch: FetchLike;
  /** Prefix for every path; '' for the same origin. */
  readonly baseUrl?: string;
  /** A refresh gave a new access token (and the user). */
  readonly onSessionRefreshed: (session: SignInResponse) => void;
  /** A call was refused and the refresh cookie could not renew the session: show sign-in. */
  readonly onSessionEnded: () => void;
}

export interface RequestOptions {
  /** false for sign-in and refresh themselves: a 401 there is an answer, not an expiry. */
  readonly renewOn401?: boolean;
  /** false for sign-in and refresh: they authenticate by password or cookie, not by token. */
  readonly sendToken?: boolean;
}

/**
 * JSON over fetch with the access token in memory (never in storage). On a 401 it tries
 * POST /api/auth/refresh once (the refresh token is an httpOnly cookie), repeats the call with
 * the new token, and ends the session when that does not work.
 */
export class HttpClient {
  private accessToken: string | null = null;
  private refreshInFlight: Promise<SignInResponse | null> | null = null;

  constructor(private readonly options: HttpClientOptions) {}

  get token(): string | null {
    return this.accessToken;
  }

  setAccessToken(token: string | null): void {
    this.accessToken = token;
  }

  /** A path's full URL, for calls made without fetch (uploads with progress). */
  urlOf(path: string): string {
    return `${this.options.baseUrl ?? ''}${path}`;
  }

  /** A call made without `request` was refused and the session could not be renewed. */
  endSession(): void {
    this.options.onSessionEnded();
  }

  async request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    requestOptions: RequestOptions = {},
  ): Promise<T> {
    const renewOn401 = requestOptions.renewOn401 ?? true;
    const sendToken = requestOptions.sendToken ?? true;
    const first = await this.send(method, path, body, sendToken);
    if (first.status !== 401 || !renewOn401) return this.read<T>(first);

    const session = await this.refreshSession();
    if (!session) {
      this.options.onSessionEnded();
      return this.read<T>(first);
    }
    const second = await this.send(method, path, body, sendToken);
    if (second.status === 401) this.options.onSessionEnded();
    return this.read<T>(second);
  }

  /**
   * Renews the access token from the refresh cookie; null when it cannot. Concurrent callers
   * share one refresh request.
   */
  refreshSession(): Promise<SignInResponse | null> {
    if (!this.refreshInFlight) {
      this.refreshInFlight = this.request<SignInResponse>('POST', REFRESH_PATH, undefined, {
        renewOn401: false,
        sendToken: false,
      })
        .then((session) => {
          this.accessToken = session.accessToken;
          this.options.onSessionRefreshed(session);
          return session;
        })
        .catch(() => {
          this.accessToken = null;
          return null;
        })
        .finally(() => {
          this.refreshInFlight = null;
        });
    }
    return this.refreshInFlight;
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    sendToken: boolean,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (sendToken && this.accessToken) headers.Authorization = `Bearer ${this.accessToken}`;
    try {
      return await this.options.fetch(this.urlOf(path), {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, null);
    }
  }

  private async read<T>(response: Response): Promise<T> {
    const text = await response.text().catch(() => '');
    let parsed: unknown = undefined;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!response.ok) throw apiErrorFromBody(response.status, parsed);
    return parsed as T;
  }
}
