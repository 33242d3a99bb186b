import {
  normalizeLanguageCode,
  type BatchLimits,
  type TranslationFailureReason,
} from '@parley/translation-domain';
import { withTimeout } from '../provider-timeout';
import type {
  TranslatedText,
  TranslationProvider,
  TranslationRequest,
} from '../translation-provider.port';
import { TranslationProviderError } from '../translation-provider-error';

export interface LibreTranslateProviderOptions {
  /** The server's base URL: `http://libretranslate:5000`, `https://libretranslate.com`. */
  readonly url: string;
  /** Required by servers started with `--api-keys` (and by libretranslate.com). */
  readonly apiKey?: string;
  /** Each request fails as `timeout` after this long. Default 10 s. */
  readonly timeoutMs?: number;
  /** The server's `--batch-limit` and `--char-limit`. Default 50 texts, 5,000 characters. */
  readonly limits?: BatchLimits;
}

const NAME = 'libretranslate';

/** The documented `/translate` answer for an array `q`. */
interface TranslateAnswer {
  readonly translatedText: readonly string[];
  readonly detectedLanguage?: readonly ({ readonly language?: unknown } | null)[];
}

const isTranslateAnswer = (body: unknown, count: number): body is TranslateAnswer => {
  if (typeof body !== 'object' || body === null) return false;
  const { translatedText, detectedLanguage } = body as Record<string, unknown>;
  return (
    Array.isArray(translatedText) &&
    translatedText.length === count &&
    translatedText.every((text) => typeof text === 'string') &&
    (detectedLanguage === undefined || Array.isArray(detectedLanguage))
  );
};

/**
 * LibreTranslate's error statuses (`{"error": "..."}`): 400 a refused request, or "xx is not
 * supported"; 403 a missing, invalid or banned API key; 429 "Too many request" (its rate
 * limiter, or the key's character quota); 500 "Cannot translate text".
 */
const reasonFor = (status: number, message: string): TranslationFailureReason => {
  if (status === 400)
    return /not supported/i.test(message) ? 'unsupported_language' : 'bad_request';
  if (status === 401 || status === 403) return 'invalid_credentials';
  if (status === 429) return 'quota_exceeded';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'unavailable';
  return 'bad_request';
};

/**
 * A LibreTranslate-compatible server, the self-hosted choice: `POST {url}/translate` with the
 * texts as an array in one request, source `auto` unless given.
 */
export class LibreTranslateProvider implements TranslationProvider {
  readonly name = NAME;
  readonly limits: BatchLimits;
  private readonly endpoint: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: LibreTranslateProviderOptions) {
    this.endpoint = `${options.url.replace(/\/+$/, '')}/translate`;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.limits = options.limits ?? { maxTexts: 50, maxChars: 5_000 };
  }

  async translate(request: TranslationRequest): Promise<TranslatedText[]> {
    if (request.texts.length === 0) return [];
    return withTimeout(NAME, this.timeoutMs, (signal) => this.send(request, signal));
  }

  private async send(request: TranslationRequest, signal: AbortSignal): Promise<TranslatedText[]> {
    const body = {
      q: request.texts,
      source: request.source ?? 'auto',
      target: request.target,
      format: 'text',
      ...(this.options.apiKey ? { api_key: this.options.apiKey } : {}),
    };
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal,
      });
    } catch (error) {
      throw new TranslationProviderError(NAME, 'unavailable', `${this.endpoint} unreachable`, {
        cause: error,
      });
    }
    const text = await response.text().catch(() => '');
    const answer = parseJson(text);
    if (!response.ok) {
      const message =
        typeof answer === 'object' && answer !== null && 'error' in answer
          ? String((answer as { error: unknown }).error)
          : response.statusText;
      throw new TranslationProviderError(
        NAME,
        reasonFor(response.status, message),
        `HTTP ${response.status}: ${message}`,
      );
    }
    if (!isTranslateAnswer(answer, request.texts.length)) {
      throw new TranslationProviderError(
        NAME,
        'unavailable',
        `unexpected answer to ${request.texts.length} texts: ${text.slice(0, 200)}`,
      );
    }
    return answer.translatedText.map((translation, index) => ({
      translation,
      detectedSource:
        normalizeLanguageCode(request.source) ??
        normalizeLanguageCode(stringOrNull(answer.detectedLanguage?.[index]?.language)),
    }));
  }
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
