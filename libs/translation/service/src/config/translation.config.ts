import { Sensitive } from '@parley/config';
import { isSecretKeyOrEmpty } from '@parley/platform';
import { Matches, ValidateBy } from 'class-validator';
import type { GoogleCredentials } from '../providers/google/google-translation-provider';
import type { TranslationServiceOptions } from '../options';

/**
 * A Google service account's JSON key as the console downloads it, reduced to what the adapter
 * signs with; undefined when the text is not such a key.
 */
export const googleServiceAccount = (json: string): GoogleCredentials | undefined => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const key = parsed as Record<string, unknown>;
  const clientEmail = key['client_email'];
  const privateKey = key['private_key'];
  const projectId = key['project_id'];
  if (typeof clientEmail !== 'string' || typeof privateKey !== 'string') return undefined;
  return {
    kind: 'service_account',
    clientEmail,
    privateKey,
    ...(typeof projectId === 'string' ? { projectId } : {}),
  };
};

/**
 * The translation service's settings, wherever it runs (its own process, `npm start`): which
 * providers this process can reach and the key the AI assistants' settings are sealed with.
 * A workspace chooses its provider among these; one chosen but not set here is `not_configured`.
 */
export class TranslationConfig {
  /** Google Cloud Translation with an API key. */
  @Sensitive() GOOGLE_TRANSLATE_API_KEY: string = '';
  /** Google Cloud Translation with a service account: its JSON key, as text. */
  @Sensitive()
  @ValidateBy(
    {
      name: 'isServiceAccountKey',
      validator: {
        validate: (v: unknown) => v === '' || googleServiceAccount(String(v)) !== undefined,
      },
    },
    { message: 'must be a service account JSON key (with client_email and private_key), or empty' },
  )
  GOOGLE_TRANSLATE_CREDENTIALS: string = '';
  /** The v2 API's base URL, for a stand-in in tests; empty: Google's. */
  @Matches(/^(https?:\/\/\S+)?$/, { message: 'must be an http(s) URL or empty' })
  GOOGLE_TRANSLATE_BASE_URL: string = '';
  /** A LibreTranslate server (`http://libretranslate:5000`); empty: none. */
  @Matches(/^(https?:\/\/\S+)?$/, { message: 'must be an http(s) URL or empty' })
  LIBRETRANSLATE_URL: string = '';
  /** The LibreTranslate server's API key, when it was started with `--api-keys`. */
  @Sensitive() LIBRETRANSLATE_API_KEY: string = '';
  /**
   * Seals the AI assistants' settings (endpoint, model, key) at rest, and opens the key the
   * gateway seals into `ConfigureAssistant`: the same 32 bytes in base64 as the gateway's
   * (`openssl rand -base64 32`). Empty: assistants cannot be configured.
   */
  @Sensitive()
  @ValidateBy(
    { name: 'isBase64Key', validator: { validate: isSecretKeyOrEmpty } },
    { message: 'must be 32 bytes in base64 (openssl rand -base64 32), or empty' },
  )
  PARLEY_SECRET_KEY: string = '';
}

/** The providers and the key of TranslationServiceOptions, from the config. */
export const translationOptionsFromConfig = (
  config: TranslationConfig,
): Pick<TranslationServiceOptions, 'google' | 'libretranslate' | 'secretKey'> => {
  const baseUrl = config.GOOGLE_TRANSLATE_BASE_URL
    ? { baseUrl: config.GOOGLE_TRANSLATE_BASE_URL }
    : {};
  const serviceAccount = config.GOOGLE_TRANSLATE_CREDENTIALS
    ? googleServiceAccount(config.GOOGLE_TRANSLATE_CREDENTIALS)
    : undefined;
  return {
    google: serviceAccount
      ? { credentials: serviceAccount, ...baseUrl }
      : config.GOOGLE_TRANSLATE_API_KEY
        ? { credentials: { kind: 'api_key', apiKey: config.GOOGLE_TRANSLATE_API_KEY }, ...baseUrl }
        : null,
    libretranslate: config.LIBRETRANSLATE_URL
      ? {
          url: config.LIBRETRANSLATE_URL,
          ...(config.LIBRETRANSLATE_API_KEY ? { apiKey: config.LIBRETRANSLATE_API_KEY } : {}),
        }
      : null,
    secretKey: config.PARLEY_SECRET_KEY || null,
  };
};
