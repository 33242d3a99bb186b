import { normalizeLanguageCode, type LanguageCode } from '@parley/translation-domain';
import { detectAll } from 'tinyld';
import { confidentLanguage } from './detection-confidence';
import type { LanguageDetector } from './language-detector.port';

/**
 * The languages clients are expected to write in by default: the ones both providers translate
 * and that make up most of the product's audience. Limiting tinyld to them removes its rarer
 * guesses for noise (Volapük, Klingon, Berber for "lol", "ahah").
 */
export const DEFAULT_DETECTED_LANGUAGES: readonly LanguageCode[] = [
  'ar', 'az', 'be', 'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fa', 'fi', 'fr', 'he',
  'hi', 'hu', 'hy', 'id', 'it', 'ja', 'ka', 'kk', 'ko', 'lt', 'lv', 'ms', 'nl', 'no', 'pl',
  'pt', 'ro', 'ru', 'sk', 'sr', 'sv', 'th', 'tr', 'uk', 'uz', 'vi', 'zh',
]; // prettier-ignore

export interface TinyldLanguageDetectorOptions {
  /** The ISO 639-1 codes tinyld may answer; the default list when absent. */
  readonly languages?: readonly LanguageCode[];
}

/**
 * Offline detection with tinyld (MIT, maintained, no native code): tinyld's ranked guesses, kept
 * only when `confidentLanguage` trusts the best one, as an ISO 639-1 code.
 */
export class TinyldLanguageDetector implements LanguageDetector {
  private readonly only: string[];

  constructor(options: TinyldLanguageDetectorOptions = {}) {
    this.only = [...(options.languages ?? DEFAULT_DETECTED_LANGUAGES)];
  }

  detect(text: string): LanguageCode | null {
    const guesses = detectAll(text, { only: this.only });
    return normalizeLanguageCode(confidentLanguage(text, guesses));
  }
}
