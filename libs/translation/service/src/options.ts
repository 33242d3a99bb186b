import { TRANSLATION_SERVICE } from '@parley/contracts';
import type { GoogleTranslationProviderOptions } from './providers/google/google-translation-provider';
import type { LibreTranslateProviderOptions } from './providers/libretranslate/libretranslate-provider';

/** Where translations are cached: Redis (service processes) or this process's memory (`npm start`). */
export type TranslationCacheOption =
  | { readonly kind: 'in-memory' }
  | {
      readonly kind: 'redis';
      readonly redisUrl: string;
      /** Default `parley:`; tests give their own. */
      readonly keyPrefix?: string;
    };

export interface TranslationServiceOptions {
  /**
   * The service name commands are addressed to: `parley.{service}.commands` and its consumer
   * group. Default `translation`; tests give their own.
   */
  readonly service: string;
  /** Google Cloud Translation, when this process has its credentials; null: not configured. */
  readonly google: GoogleTranslationProviderOptions | null;
  /** A LibreTranslate server, when this process knows one; null: not configured. */
  readonly libretranslate: LibreTranslateProviderOptions | null;
  readonly cache: TranslationCacheOption;
  /**
   * `--demo`: where a workspace has no AI assistant, the labelled demo provider answers advice
   * and scoring (its events say `demo: true`); otherwise they fail as `not_configured`.
   */
  readonly demo: boolean;
  /**
   * The key (base64, 32 bytes) sealing the assistants' settings at rest. Null: assistants cannot
   * be configured (the command is refused) and sealed ones are not opened.
   */
  readonly secretKey: string | null;
  /** How many of a conversation's last messages a prompt is built from. */
  readonly promptMessages: number;
}

export const TRANSLATION_SERVICE_OPTIONS = 'parley:TranslationServiceOptions';

export const defaultTranslationServiceOptions = (): TranslationServiceOptions => ({
  service: TRANSLATION_SERVICE,
  google: null,
  libretranslate: null,
  cache: { kind: 'in-memory' },
  demo: false,
  secretKey: null,
  promptMessages: 30,
});
