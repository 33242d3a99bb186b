/**
 * How both stand-ins "translate", so the contract can check answers without a real engine: the
 * translation of `text` into `target` is `[target] text`, and the source language is Russian for
 * Cyrillic, Spanish for Spanish letters or punctuation, English otherwise.
 */
export const standInTranslation = (text: string, target: string): string => `[${target}] ${text}`;

export const standInDetectedLanguage = (text: string): string => {
  if (/\p{Script=Cyrillic}/u.test(text)) return 'ru';
  if (/[ñ¿¡áéíóú]/iu.test(text)) return 'es';
  return 'en';
};

/** The failures every stand-in can play, each as its provider documents it. */
export type StandInFailure =
  | 'daily_quota'
  | 'rate_limit'
  | 'invalid_credentials'
  | 'unsupported_language'
  | 'bad_request'
  | 'server_error'
  | 'hang';

/** What the contract needs of a provider's stand-in. */
export interface TranslationStandIn {
  /** The texts, source and target of each translate request received, in order. */
  translateRequests(): { texts: string[]; source: string | null; target: string }[];
  /** The next request fails this way; later ones succeed again. */
  failNext(failure: StandInFailure): void;
  close(): Promise<void>;
}
