/** One language a detector proposes, with its score (higher is likelier; not a probability). */
export interface LanguageGuess {
  readonly lang: string;
  readonly accuracy: number;
}

/**
 * When a guess is trusted. Measured on tinyld 1.3.4 (see the unit spec): below about eight
 * letters it guesses single words wrong ("Gracias" → Esperanto); Russian, Ukrainian and Serbian
 * sentences score within a few percent of each other when they share most words ("Да, конечно"
 * → Serbian 0.188, Bulgarian 0.187); repeated syllables ("lol lol lol") look like any language.
 */
export const DETECTION_CONFIDENCE = {
  /** Letters in the text's distinct words (a repeated word counts once). */
  minLetters: 8,
  /** The best guess's lowest score. */
  minAccuracy: 0.05,
  /** How far ahead of the runner-up the best guess must be: 1.05 = 5 % ahead. */
  minLead: 1.05,
} as const;

const NOT_WORDS = /(?:https?:\/\/|www\.)\S+|\S+@\S+|[@#]\S+/giu;

/** The letters of a text's distinct words: URLs, mentions, numbers and emoji count for nothing. */
export const distinctLetterCount = (text: string): number => {
  const words = text
    .replace(NOT_WORDS, ' ')
    .toLowerCase()
    .match(/\p{L}+/gu);
  return [...new Set(words ?? [])].reduce((sum, word) => sum + word.length, 0);
};

/**
 * The language to keep from a detector's ranked guesses for `text`, or null when unsure: the text
 * is too short, the best guess scores too low, or the runner-up is too close.
 */
export const confidentLanguage = (
  text: string,
  guesses: readonly LanguageGuess[],
): string | null => {
  if (distinctLetterCount(text) < DETECTION_CONFIDENCE.minLetters) return null;
  const [best, runnerUp] = guesses;
  if (!best || best.accuracy < DETECTION_CONFIDENCE.minAccuracy) return null;
  if (runnerUp && best.accuracy < runnerUp.accuracy * DETECTION_CONFIDENCE.minLead) return null;
  return best.lang;
};
