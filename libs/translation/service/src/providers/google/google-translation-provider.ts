import type { v2 } from '@google-cloud/translate';
import {
  normalizeLanguageCode,
  type BatchLimits,
  type LanguageCode,
} from '@parley/translation-domain';
import { withTimeout } from '../provider-timeout';
import type {
  TranslatedText,
  TranslationProvider,
  TranslationRequest,
} from '../translation-provider.port';
import { TranslationProviderError } from '../translation-provider-error';
import { googleErrorReason, isNetworkFailure } from './google-error-reason';
import { loadGoogleTranslate } from './load-google-translate';

/** How the adapter authenticates: an API key, or a service account's key. */
export type GoogleCredentials =
  | { readonly kind: 'api_key'; readonly apiKey: string }
  | {
      readonly kind: 'service_account';
      /** `client_email` of the service account's JSON key. */
      readonly clientEmail: string;
      /** `private_key` of the JSON key (PEM). */
      readonly privateKey: string;
      readonly projectId?: string;
    };

export interface GoogleTranslationProviderOptions {
  readonly credentials: GoogleCredentials;
  /** The API host, as the library takes it; default `translation.googleapis.com`. */
  readonly apiEndpoint?: string;
  /**
   * The whole v2 base URL, scheme included, for a stand-in (`http://127.0.0.1:PORT/language/
   * translate/v2`): the library builds `https://{apiEndpoint}/language/translate/v2` and has no
   * option for plain HTTP, so the adapter sets the client's `baseUrl` after constructing it.
   */
  readonly baseUrl?: string;
  /** Each request fails as `timeout` after this long. Default 10 s. */
  readonly timeoutMs?: number;
  /** Default: v2's 128 segments and its recommended 5,000 characters per request. */
  readonly limits?: BatchLimits;
}

const NAME = 'google';

/** The scope the v2 client asks for; a self-signed JWT carries it. */
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/** The part of the v2 answer read here: `{"data": {"translations": [...]}}`. */
interface V2Answer {
  readonly data?: {
    readonly translations?: readonly {
      readonly translatedText?: unknown;
      readonly detectedSourceLanguage?: unknown;
    }[];
  };
}

/**
 * Google Cloud Translation through `@google-cloud/translate`'s v2 `Translate` client (the Basic
 * edition: one request translates up to 128 texts and reports each text's detected language).
 *
 * Service accounts go through the same v2 client: it takes `credentials` and signs requests with
 * google-auth-library. The adapter turns on self-signed JWTs (`useJWTAccessWithScope`, what
 * Google's generated v3 clients do by default), so a request needs no round trip to Google's
 * token endpoint first. v3's `TranslationServiceClient` was not needed for that.
 *
 * The library's own retries are off (`autoRetry: false`, on both paths): a spent quota or a
 * server that is down must show at once as a retryable state, not after three silent back-offs.
 */
export class GoogleTranslationProvider implements TranslationProvider {
  readonly name = NAME;
  readonly limits: BatchLimits;
  private readonly client: v2.Translate;
  private readonly timeoutMs: number;

  constructor(options: GoogleTranslationProviderOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.limits = options.limits ?? { maxTexts: 128, maxChars: 5_000 };
    const { credentials } = options;
    const common = {
      autoRetry: false,
      timeout: this.timeoutMs,
      ...(options.apiEndpoint ? { apiEndpoint: options.apiEndpoint } : {}),
    };
    const { Translate, util } = loadGoogleTranslate();
    this.client =
      credentials.kind === 'api_key'
        ? new Translate({ ...common, key: credentials.apiKey })
        : new Translate({
            ...common,
            credentials: {
              client_email: credentials.clientEmail,
              private_key: credentials.privateKey,
            },
            ...(credentials.projectId ? { projectId: credentials.projectId } : {}),
          });
    if (options.baseUrl) this.client.baseUrl = options.baseUrl.replace(/\/+$/, '');
    if (credentials.kind === 'service_account') {
      this.client.authClient.useJWTAccessWithScope = true;
      this.client.authClient.defaultServicePath =
        options.apiEndpoint ?? 'translation.googleapis.com';
      // The v2 constructor does not pass `autoRetry` to the authenticated path; rebuild that
      // path with the library's own factory, over the same GoogleAuth, retries off.
      this.client.makeAuthenticatedRequest = util.makeAuthenticatedRequestFactory({
        scopes: [CLOUD_PLATFORM_SCOPE],
        projectIdRequired: false,
        authClient: this.client.authClient,
        autoRetry: false,
      });
    }
  }

  async translate(request: TranslationRequest): Promise<TranslatedText[]> {
    if (request.texts.length === 0) return [];
    return withTimeout(NAME, this.timeoutMs, () => this.send(request));
  }

  private async send(request: TranslationRequest): Promise<TranslatedText[]> {
    let answer: V2Answer;
    try {
      const [, response] = await this.client.translate([...request.texts], {
        to: request.target,
        format: 'text',
        ...(request.source ? { from: request.source } : {}),
      });
      answer = (response ?? {}) as V2Answer;
    } catch (error) {
      const reason = googleErrorReason(error);
      const detail = isNetworkFailure(error)
        ? `${this.client.baseUrl} unreachable`
        : errorMessage(error);
      throw new TranslationProviderError(NAME, reason, detail, { cause: error });
    }
    const translations = answer.data?.translations;
    if (
      !Array.isArray(translations) ||
      translations.length !== request.texts.length ||
      translations.some((t) => typeof t.translatedText !== 'string')
    ) {
      throw new TranslationProviderError(
        NAME,
        'unavailable',
        `unexpected answer to ${request.texts.length} texts`,
      );
    }
    const given: LanguageCode | null = normalizeLanguageCode(request.source);
    return translations.map((t) => ({
      translation: t.translatedText as string,
      detectedSource:
        given ??
        normalizeLanguageCode(
          typeof t.detectedSourceLanguage === 'string' ? t.detectedSourceLanguage : null,
        ),
    }));
  }
}

const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
