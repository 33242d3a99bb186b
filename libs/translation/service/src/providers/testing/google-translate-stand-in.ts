import { createVerify } from 'node:crypto';
import { StandInServer, type ReceivedRequest, type StandInAnswer } from './stand-in-server';
import {
  standInDetectedLanguage,
  standInTranslation,
  type StandInFailure,
  type TranslationStandIn,
} from './stand-in-translations';

/** The v2 path the library appends to its base URL. */
export const GOOGLE_V2_PATH = '/language/translate/v2';

/** How the stand-in accepts a caller: by API key, or by a service account's public key. */
export type GoogleStandInAuth =
  { readonly apiKey: string } | { readonly clientEmail: string; readonly publicKeyPem: string };

/** A v2 error body, as `translation.googleapis.com` writes them. */
const v2Error = (
  code: number,
  message: string,
  reason: string,
  domain = 'global',
): StandInAnswer => ({
  status: code,
  json: { error: { code, message, errors: [{ message, domain, reason }] } },
});

/** The documented v2 answer for each failure the contract plays. */
const GOOGLE_FAILURES: Record<
  Exclude<StandInFailure, 'hang' | 'invalid_credentials'>,
  StandInAnswer
> = {
  daily_quota: v2Error(403, 'Daily Limit Exceeded', 'dailyLimitExceeded', 'usageLimits'),
  rate_limit: v2Error(429, 'Rate Limit Exceeded', 'rateLimitExceeded', 'usageLimits'),
  unsupported_language: v2Error(400, 'Invalid Value', 'invalid'),
  bad_request: v2Error(400, 'Request payload size exceeds the limit: 204800 bytes.', 'badRequest'),
  server_error: v2Error(503, 'The service is currently unavailable.', 'backendError'),
};

/** The v2 answer to a key Google does not know. */
export const GOOGLE_INVALID_KEY: StandInAnswer = v2Error(
  400,
  'API key not valid. Please pass a valid API key.',
  'badRequest',
);

/** The v2 answer to a bearer token Google refuses. */
export const GOOGLE_INVALID_TOKEN: StandInAnswer = v2Error(
  401,
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  'authError',
);

const base64url = (part: string): Buffer => Buffer.from(part, 'base64url');

/**
 * Whether `authorization` is a JWT signed (RS256) by the service account's key, issued by its
 * email, with the cloud-platform scope: what Google checks of a self-signed JWT.
 */
const signedByServiceAccount = (
  authorization: string | undefined,
  auth: { clientEmail: string; publicKeyPem: string },
): boolean => {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  const [header, payload, signature] = token?.split('.') ?? [];
  if (!header || !payload || !signature) return false;
  const verified = createVerify('RSA-SHA256')
    .update(`${header}.${payload}`)
    .verify(auth.publicKeyPem, base64url(signature));
  if (!verified) return false;
  const claims = JSON.parse(base64url(payload).toString('utf8')) as Record<string, unknown>;
  return (
    claims['iss'] === auth.clientEmail &&
    String(claims['scope'] ?? '').includes('https://www.googleapis.com/auth/cloud-platform') &&
    typeof claims['exp'] === 'number' &&
    claims['exp'] * 1000 > Date.now()
  );
};

/**
 * A stand-in of Google Cloud Translation v2 (`POST /language/translate/v2`, JSON `q` array,
 * `target`, optional `source`, `format`): answers `{"data": {"translations": [...]}}` with
 * `detectedSourceLanguage` when no source was given, and Google's documented error bodies.
 */
export class GoogleTranslateStandIn implements TranslationStandIn {
  private readonly queued: StandInAnswer[] = [];

  private constructor(
    readonly server: StandInServer,
    private readonly auth: GoogleStandInAuth,
  ) {}

  static async start(auth: GoogleStandInAuth): Promise<GoogleTranslateStandIn> {
    // The server answers through the stand-in, which needs the started server.
    const ref: { standIn?: GoogleTranslateStandIn } = {};
    const server = await StandInServer.start((request) => ref.standIn!.answer(request));
    ref.standIn = new GoogleTranslateStandIn(server, auth);
    return ref.standIn;
  }

  /** The base URL to give the adapter. */
  get baseUrl(): string {
    return `${this.server.url}${GOOGLE_V2_PATH}`;
  }

  translateRequests(): { texts: string[]; source: string | null; target: string }[] {
    return this.server.received
      .filter((r) => r.path.replace(/\/$/, '') === GOOGLE_V2_PATH)
      .map((r) => {
        const body = r.body as { q: string[]; source?: string; target: string };
        return { texts: body.q, source: body.source ?? null, target: body.target };
      });
  }

  failNext(failure: StandInFailure): void {
    if (failure === 'hang') this.queued.push({ hang: true });
    else if (failure === 'invalid_credentials')
      this.queued.push('apiKey' in this.auth ? GOOGLE_INVALID_KEY : GOOGLE_INVALID_TOKEN);
    else this.queued.push(GOOGLE_FAILURES[failure]);
  }

  /** The next request gets this answer as is: for Google-only cases (a 403 per-user quota). */
  answerNext(answer: StandInAnswer): void {
    this.queued.push(answer);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private answer(request: ReceivedRequest): StandInAnswer {
    // The API-key path posts to `.../v2`, the service-account path to `.../v2/`: Google takes both.
    if (request.method !== 'POST' || request.path.replace(/\/$/, '') !== GOOGLE_V2_PATH) {
      return v2Error(404, 'Not Found', 'notFound');
    }
    if ('apiKey' in this.auth) {
      if (request.query.get('key') !== this.auth.apiKey) return GOOGLE_INVALID_KEY;
    } else if (!signedByServiceAccount(request.headers.authorization, this.auth)) {
      return GOOGLE_INVALID_TOKEN;
    }
    const queued = this.queued.shift();
    if (queued) return queued;
    const body = request.body as { q?: unknown; target?: unknown; source?: unknown };
    if (!Array.isArray(body?.q) || typeof body.target !== 'string') {
      return v2Error(400, 'Required Text', 'required');
    }
    const source = typeof body.source === 'string' ? body.source : undefined;
    return {
      status: 200,
      json: {
        data: {
          translations: (body.q as string[]).map((text) => ({
            translatedText: standInTranslation(text, body.target as string),
            ...(source ? {} : { detectedSourceLanguage: standInDetectedLanguage(text) }),
          })),
        },
      },
    };
  }
}
