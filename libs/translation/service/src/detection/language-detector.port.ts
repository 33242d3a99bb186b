import type { LanguageCode } from '@parley/translation-domain';

/**
 * Offline language detection, run on every client message (issue 12): the detected language is
 * stored on the message and the conversation. Synchronous and local: no network, no quota.
 */
export interface LanguageDetector {
  /** The text's ISO 639-1 code, or null when unsure (short text, emoji, numbers, a tie). */
  detect(text: string): LanguageCode | null;
}
