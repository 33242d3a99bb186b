import type { BatchLimits, LanguageCode } from '@parley/translation-domain';

/** One provider request: texts translated together into one language. */
export interface TranslationRequest {
  /** Within the provider's `limits`; `CachingTranslator` cuts larger lists into batches. */
  readonly texts: readonly string[];
  readonly target: LanguageCode;
  /** The texts' language when known; absent, the provider detects it per text. */
  readonly source?: LanguageCode;
}

/** One text's answer, at the index of the text it translates. */
export interface TranslatedText {
  readonly translation: string;
  /**
   * The source language: as detected by the provider when no source was given, else the source
   * given. Null when the provider does not say.
   */
  readonly detectedSource: LanguageCode | null;
}

/**
 * A translation provider: Google Cloud Translation or a LibreTranslate-compatible server.
 * `translate` answers one TranslatedText per text, in order, or rejects with a
 * `TranslationProviderError` (never another error).
 */
export interface TranslationProvider {
  /** Its name in cache keys and logs: `google`, `libretranslate`. */
  readonly name: string;
  /** What one request may carry. */
  readonly limits: BatchLimits;
  translate(request: TranslationRequest): Promise<TranslatedText[]>;
}
